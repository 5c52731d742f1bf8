# SyntaxError's own layout: file and line, the text with markers under the
# offending range, the message; and its variants (no text, no offset, an
# end on another line, offsets past the text, tabs, no location at all).

links = []
links.append(SyntaxError("invalid syntax", ("prog.py", 3, 9, "    x = = 1\n", 3, 10)))
links.append(SyntaxError("range of three", ("prog.py", 4, 5, "x = 1 +* 2\n", 4, 8)))
links.append(SyntaxError("no end offset", ("prog.py", 5, 3, "abc def\n")))
links.append(SyntaxError("end offset zero", ("prog.py", 5, 3, "abc def\n", 5, 0)))
links.append(SyntaxError("ends on a later line", ("prog.py", 6, 2, "(a,\n", 7, 1)))
links.append(SyntaxError("offset past the text", ("prog.py", 7, 40, "short\n", 7, 50)))
links.append(SyntaxError("tabs kept", ("prog.py", 8, 4, "\tif\tx y:\n", 8, 7)))
links.append(SyntaxError("offset before the text", ("prog.py", 9, 1, "    indented\n", 9, 2)))
links.append(SyntaxError("no offset", ("prog.py", 10, None, "  some text\n", None, None)))
links.append(SyntaxError("no text", ("prog.py", 11, 1, None, 11, 2)))
links.append(SyntaxError("no line number", ("prog.py", None, None, None, None, None)))
links.append(SyntaxError("no file name", (None, 12, 1, "z\n", 12, 2)))
links.append(SyntaxError("empty file name", ("", 13, 1, "w\n", 13, 2)))
links.append(SyntaxError("bool offset", ("prog.py", 14, True, "flag\n", 14, 3)))
links.append(SyntaxError(None, ("prog.py", 15, 1, "m\n", 15, 2)))
links.append(SyntaxError())
links.append(SyntaxError("just a message"))
links.append(IndentationError("unexpected indent", ("prog.py", 16, 5, "    y = 2\n", 16, 6)))
links.append(TabError("inconsistent use of tabs", ("prog.py", 17, 1, "\t z\n", 17, 2)))
links.append(SyntaxError("unicode text", ("prog.py", 18, 6, "s = 'é' +\n", 18, 10)))

for i in range(1, len(links)):
    links[i].__context__ = links[i - 1]
raise links[-1]
