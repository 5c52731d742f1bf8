# A source file with a UTF-8 BOM and CRLF line ends, and no final newline.

def g(x):
    return (x +
            "été")

g(1)