# __notes__ in all its shapes: a list of str (multi-line ones too), non-str
# notes, a tuple, a range, a str, a dict, an int, None, and an empty list.

links = []


def noted(exc, notes):
    exc.__notes__ = notes
    links.append(exc)


e = ValueError("add_note")
e.add_note("first note")
e.add_note("second note\nspans two lines")
e.add_note("")
links.append(e)
noted(TypeError("non-str notes"), [42, None, KeyError("k"), ["x"], "ok"])
noted(KeyError("tuple"), ("t1", "t2"))
noted(IndexError("range"), range(3))
noted(LookupError("a str"), "not a list")
noted(OSError("a dict"), {"k": "v"})
noted(EOFError("an int"), 7)
noted(RuntimeError("None"), None)
noted(ZeroDivisionError("empty"), [])
noted(NameError(), ["note after an empty message"])
noted(AssertionError("bytes"), b"raw\nbytes")

for i in range(1, len(links)):
    links[i].__context__ = links[i - 1]
last = links[-1]
last.add_note = None
raise last
