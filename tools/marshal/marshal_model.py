"""What make_fixtures.py needs to describe marshal data: the canonical
rendering (the format of src/marshal/render.rs), nodes built from the
objects python3.14's marshal.loads returns, and a small reader of the wire
format that keeps what loaded objects no longer show (interned flags, the
order and duplicates of set elements and dict keys).
"""

import ctypes
import re
import struct
import types

MAX_DEPTH = 2000


# ---------------------------------------------------------------- rendering


def escape(text):
    """Quote a str like src/marshal/render.rs: printable ASCII as is."""
    out = ['"']
    for ch in text:
        if " " <= ch <= "~" and ch not in '"\\':
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    out.append('"')
    return "".join(out)


def float_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


CODE_FIELDS = (
    "code", "consts", "names", "localsplusnames", "localspluskinds",
    "filename", "name", "qualname", "linetable", "exceptiontable",
)


def render(node, ignore_interned=False, sort_sets=False):
    """The lines of the canonical rendering of a node (see `Wire`)."""
    lines = []

    def header(node):
        tag = node[0]
        if tag == "const":
            return node[1]
        if tag == "int":
            return f"int {node[1]}"
        if tag == "float":
            return f"float 0x{node[1]:016x}"
        if tag == "complex":
            return f"complex 0x{node[1]:016x} 0x{node[2]:016x}"
        if tag == "str":
            interned = node[2] and not ignore_interned
            return ("str interned " if interned else "str ") + escape(node[1])
        if tag == "bytes":
            return f"bytes {len(node[1])}" + (" " + node[1].hex() if node[1] else "")
        if tag == "seq":
            return f"{node[1]} {len(node[2])}"
        if tag == "dict":
            return f"dict {len(node[1])}"
        return tag  # slice, code

    def children(node):
        tag = node[0]
        if tag == "seq":
            items = [(None, x) for x in node[2]]
            if sort_sets and node[1] in ("set", "frozenset"):
                items.sort(key=lambda item: "\n".join(block(item[1], 0, None)))
            return items
        if tag == "dict":
            return [pair for k, v in node[1] for pair in (("key", k), ("value", v))]
        if tag == "slice":
            return list(zip(("start", "stop", "step"), node[1:]))
        if tag == "code":
            f = node[1]
            out = [("", f"argcount {f['argcount']}"),
                   ("", f"posonlyargcount {f['posonlyargcount']}"),
                   ("", f"kwonlyargcount {f['kwonlyargcount']}"),
                   ("", f"stacksize {f['stacksize']}"),
                   ("", f"flags 0x{f['flags'] & 0xFFFFFFFF:08x}")]
            for name in CODE_FIELDS[:8]:
                out.append((name, f[name]))
            out.append(("", f"firstlineno {f['firstlineno']}"))
            for name in CODE_FIELDS[8:]:
                out.append((name, f[name]))
            return out
        return []

    def block(node, indent, label):
        out = []
        emit(node, indent, label, out)
        return out

    def emit(node, indent, label, out):
        prefix = "  " * indent + (f"{label}: " if label else "")
        if isinstance(node, str):  # a code object's scalar field
            out.append(prefix + node)
            return
        out.append(prefix + header(node))
        for child_label, child in children(node):
            emit(child, indent + 1, child_label, out)

    emit(node, 0, None, lines)
    return lines


def render_text(node):
    return "".join(line + "\n" for line in render(node))


def fnv64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


# ------------------------------------------------- nodes from live objects


def code_localsplus(co):
    """co_localsplusnames and co_localspluskinds, which Python does not
    expose: read from the PyCodeObject (Include/cpython/code.h, 3.14, a
    default build: after the var header, three pointers and twelve 4-byte
    fields)."""
    base = id(co)
    names_at, kinds_at, filename_at = base + 96, base + 104, base + 112
    assert ctypes.c_void_p.from_address(filename_at).value == id(co.co_filename)
    names = ctypes.cast(ctypes.c_void_p.from_address(names_at).value, ctypes.py_object).value
    kinds = ctypes.cast(ctypes.c_void_p.from_address(kinds_at).value, ctypes.py_object).value
    assert type(names) is tuple and type(kinds) is bytes and len(names) == len(kinds)
    assert set(names) == set(co.co_varnames) | set(co.co_cellvars) | set(co.co_freevars)
    return names, kinds


def from_object(obj):
    """The node for an object python3.14's marshal.loads built."""
    if obj is None:
        return ("const", "None")
    if obj is True:
        return ("const", "True")
    if obj is False:
        return ("const", "False")
    if obj is Ellipsis:
        return ("const", "Ellipsis")
    if obj is StopIteration:
        return ("const", "StopIteration")
    t = type(obj)
    if t is int:
        return ("int", obj)
    if t is float:
        return ("float", float_bits(obj))
    if t is complex:
        return ("complex", float_bits(obj.real), float_bits(obj.imag))
    if t is str:
        return ("str", obj, None)
    if t is bytes:
        return ("bytes", obj)
    if t in (tuple, list, set, frozenset):
        return ("seq", t.__name__, [from_object(x) for x in obj])
    if t is dict:
        return ("dict", [(from_object(k), from_object(v)) for k, v in obj.items()])
    if t is slice:
        return ("slice", from_object(obj.start), from_object(obj.stop), from_object(obj.step))
    if t is types.CodeType:
        names, kinds = code_localsplus(obj)
        return ("code", {
            "argcount": obj.co_argcount,
            "posonlyargcount": obj.co_posonlyargcount,
            "kwonlyargcount": obj.co_kwonlyargcount,
            "stacksize": obj.co_stacksize,
            "flags": obj.co_flags,
            "code": ("bytes", obj.co_code),
            "consts": from_object(obj.co_consts),
            "names": from_object(obj.co_names),
            "localsplusnames": from_object(names),
            "localspluskinds": ("bytes", kinds),
            "filename": from_object(obj.co_filename),
            "name": from_object(obj.co_name),
            "qualname": from_object(obj.co_qualname),
            "firstlineno": obj.co_firstlineno,
            "linetable": ("bytes", obj.co_linetable),
            "exceptiontable": ("bytes", obj.co_exceptiontable),
        })
    raise TypeError(f"unexpected {t.__name__}")


# ------------------------------------------------------ the wire reader


class WireError(Exception):
    """The data is malformed (the message does not matter here)."""


class Wire:
    """Reads marshal data into nodes, keeping what the bytes say (interned
    flags, container order and duplicates). It follows the rules
    src/marshal/reader.rs follows, including its stand-ins where pyrs cannot
    represent what CPython builds (then `limited` is set). It is consulted
    only for data python3.14 loads successfully.

    Nodes: ("const", name), ("int", n), ("float", bits), ("complex", bits,
    bits), ("str", text, interned), ("bytes", b), ("seq", kind, items),
    ("dict", pairs), ("slice", start, stop, step), ("code", fields).
    """

    def __init__(self, data):
        self.data = bytes(data)
        self.pos = 0
        self.refs = []
        self.depth = 0
        self.limited = False

    def byte(self):
        if self.pos >= len(self.data):
            raise WireError("eof")
        self.pos += 1
        return self.data[self.pos - 1]

    def take(self, n):
        if len(self.data) - self.pos < n:
            raise WireError("short")
        self.pos += n
        return self.data[self.pos - n:self.pos]

    def long(self):
        return struct.unpack("<i", self.take(4))[0]

    def size(self):
        n = self.long()
        if n < 0:
            raise WireError("size")
        return n

    def float_text(self):
        text = self.take(self.byte()).split(b"\0")[0]
        return float_bits(float(text.decode("ascii")))

    def read(self):
        node = self.obj()
        if node is None:
            raise WireError("null")
        return node

    def obj(self):
        code = self.byte()
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise WireError("depth")
            return self.dispatch(code & 0x7F, bool(code & 0x80))
        finally:
            self.depth -= 1

    def remember(self, node, flag):
        if flag:
            self.refs.append(("ready", node))
        return node

    def slot(self, flag, state, node=None):
        if not flag:
            return None
        self.refs.append((state, node))
        return len(self.refs) - 1

    def fill(self, index, node):
        if index is not None:
            self.refs[index] = ("ready", node)

    def dispatch(self, t, flag):
        t = chr(t)
        consts = {"N": "None", "T": "True", "F": "False", "S": "StopIteration", ".": "Ellipsis"}
        if t == "0":
            return None
        if t in consts:
            return ("const", consts[t])
        if t == "i":
            return self.remember(("int", self.long()), flag)
        if t == "I":
            return self.remember(("int", struct.unpack("<q", self.take(8))[0]), flag)
        if t == "l":
            n = self.long()
            if n == -2**31:
                raise WireError("long size")
            value = 0
            for i in range(abs(n)):
                d = struct.unpack("<h", self.take(2))[0]
                if d < 0 or (d == 0 and i == abs(n) - 1):
                    raise WireError("digit")
                value |= d << (15 * i)
            return self.remember(("int", -value if n < 0 else value), flag)
        if t == "f":
            return self.remember(("float", self.float_text()), flag)
        if t == "g":
            return self.remember(("float", struct.unpack("<Q", self.take(8))[0]), flag)
        if t == "x":
            re_, im = self.float_text(), self.float_text()
            return self.remember(("complex", re_, im), flag)
        if t == "y":
            re_, im = struct.unpack("<QQ", self.take(16))
            return self.remember(("complex", re_, im), flag)
        if t == "s":
            return self.remember(("bytes", self.take(self.size())), flag)
        if t in "aAzZ":
            n = self.size() if t in "aA" else self.byte()
            text = self.take(n).decode("latin-1")
            return self.remember(("str", text, t in "AZ"), flag)
        if t in "ut":
            text = self.take(self.size()).decode("utf-8", "surrogatepass")
            if re.search("[\ud800-\udfff]", text):
                self.limited = True
                text = re.sub("[\ud800-\udfff]", "\ufffd", text)
            return self.remember(("str", text, t == "t"), flag)
        if t in ")(":
            return self.seq("tuple", self.byte() if t == ")" else self.size(), flag)
        if t == "[":
            return self.seq("list", self.size(), flag)
        if t in "<>":
            return self.seq("set" if t == "<" else "frozenset", self.size(), flag)
        if t == "{":
            index = self.slot(flag, "building", ("dict", []))
            pairs = []
            while True:
                key = self.obj()
                if key is None:
                    break
                value = self.obj()
                if value is None:
                    break
                if unhashable(key):
                    raise WireError("unhashable")
                pairs.append((key, value))
            node = ("dict", pairs)
            self.fill(index, node)
            return node
        if t == ":":
            index = self.slot(flag, "reserved")
            parts = []
            for _ in range(3):
                part = self.obj()
                if part is None:
                    return None
                parts.append(part)
            node = ("slice", *parts)
            self.fill(index, node)
            return node
        if t == "c":
            return self.code(flag)
        if t == "r":
            n = self.long()
            if not 0 <= n < len(self.refs) or self.refs[n][0] == "reserved":
                raise WireError("ref")
            state, node = self.refs[n]
            if state == "building":
                self.limited = True
            return node
        raise WireError("type code")

    def seq(self, kind, n, flag):
        if n == 0:
            return self.remember(("seq", kind, []), flag)
        if kind == "frozenset":
            index = self.slot(flag, "reserved")
        else:
            index = self.slot(flag, "building", ("seq", kind, []))
        items = []
        for _ in range(n):
            item = self.obj()
            if item is None:
                raise WireError("null")
            if kind in ("set", "frozenset") and unhashable(item):
                raise WireError("unhashable")
            items.append(item)
        node = ("seq", kind, items)
        self.fill(index, node)
        return node

    def code(self, flag):
        index = self.slot(flag, "reserved")
        f = dict(zip(("argcount", "posonlyargcount", "kwonlyargcount", "stacksize", "flags"),
                     (self.long() for _ in range(5))))
        for i, name in enumerate(CODE_FIELDS):
            node = self.obj()
            if node is None:
                raise WireError("null")
            f[name] = node
            if name == "qualname":
                f["firstlineno"] = self.long()
        shapes = {"code": "bytes", "consts": "seq", "names": "seq", "localsplusnames": "seq",
                  "localspluskinds": "bytes", "filename": "str", "name": "str",
                  "qualname": "str", "linetable": "bytes", "exceptiontable": "bytes"}
        for name, tag in shapes.items():
            if f[name][0] != tag or (tag == "seq" and f[name][1] != "tuple"):
                raise WireError("code field")
        if (f["argcount"] < f["posonlyargcount"] or f["posonlyargcount"] < 0
                or f["kwonlyargcount"] < 0 or f["stacksize"] < 0 or f["flags"] < 0
                or len(f["localsplusnames"][2]) != len(f["localspluskinds"][1])
                or len(f["code"][1]) % 2):
            raise WireError("code check")
        nlocals = sum(1 for k in f["localspluskinds"][1] if k & 0x20)
        plain = (nlocals - f["argcount"] - f["kwonlyargcount"]
                 - bool(f["flags"] & 4) - bool(f["flags"] & 8))
        plain = (plain + 2**31) % 2**32 - 2**31  # C int arithmetic
        if plain < 0:
            raise WireError("varnames")
        for name in ("names", "localsplusnames"):
            if any(x[0] != "str" for x in f[name][2]):
                raise WireError("non-string")
        node = ("code", f)
        self.fill(index, node)
        return node


def unhashable(node):
    tag = node[0]
    if tag == "dict" or (tag == "seq" and node[1] in ("list", "set")):
        return True
    if tag == "seq" and node[1] == "tuple":
        return any(unhashable(x) for x in node[2])
    if tag == "slice":
        return any(unhashable(x) for x in node[1:])
    if tag == "code":
        return unhashable(node[1]["consts"])
    return False


def wire_node(data):
    wire = Wire(data)
    node = wire.read()
    return node, wire.limited
