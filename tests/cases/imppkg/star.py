__all__ = ["public"]
public = "pub"
hidden = 1
