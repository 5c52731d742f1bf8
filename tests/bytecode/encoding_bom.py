"""A UTF-8 BOM before the first line."""
t = "été"
