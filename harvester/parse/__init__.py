"""Pages -> what they say: results and document pages read into raw strings, as found. Pure; loud on layout drift."""
