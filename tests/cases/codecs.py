# The built-in codecs: names, BOMs, error handlers, error positions.
text = "aé€😀"
for enc in ("utf-8", "UTF8", "utf-8-sig", "latin-1", "ascii", "utf-16", "utf-16-le",
            "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be"):
    for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        try:
            data = text.encode(enc, errors)
            print(enc, errors, data, data.decode(enc, "replace"))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.encoding, e.start, e.end, repr(e.reason))

bad = [b"a\x00b", b"\x00\xdc", b"\x00\xd8a\x00", b"\x00\xd8", b"\x00\xd8\x00", b"\x00\xd8\x00\xd8",
       b"\xff\xfea\x00", b"\xfe\xff\x00a", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\x11\x00",
       b"\x00\xd8\x00\x00", b"abcde", b"\xc3", b"\xe2\x82", b"\x80x", b"\xf5x", b"\xed\xa0\x80",
       b"\xef\xbb\xbfhi"]
for enc in ("utf-8", "utf-8-sig", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
            "utf-32", "utf-32-le", "utf-32-be"):
    for data in bad:
        for errors in ("strict", "replace", "ignore", "backslashreplace"):
            try:
                print(enc, data, errors, repr(data.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(enc, data, errors, "UnicodeDecodeError:", e, e.start, e.end)

for name in ("cp1252x", "utf..8", ""):
    try:
        "x".encode(name)
    except LookupError as e:
        print("LookupError:", e)
try:
    "a€".encode("latin-1", "bogus")
except LookupError as e:
    print("LookupError:", e)
print("abc".encode("ascii", "bogus"), str(b"h\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"),
      bytes("h\xe9", "utf-16-le"), bytearray("€", "utf-32-be"))
try:
    str("x", "utf-8")
except TypeError as e:
    print("TypeError:", e)
