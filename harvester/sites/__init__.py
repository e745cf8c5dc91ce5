"""Site modules: each owns one site's URL scheme and selectors."""
