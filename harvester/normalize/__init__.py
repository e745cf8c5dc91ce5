"""What we believe of what pages say: dates, titles, names, headings and people, each written one way. Pure."""
