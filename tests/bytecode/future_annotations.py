"""`from __future__ import annotations`: every annotation is stored as the
unparsed text of its expression (ast_unparse.c)."""
from __future__ import annotations

plain: int
generic: dict[str, list[int | None]] = {}


def f(a: t"x{b!r:>{w}} {c=}", b: f"a{ {1} }b{x!a:{y}}{'q'}",
      c: lambda x, /, y=1, *a, k, **kw: (x, y), d: -1e400, e: 1j*1e400,
      h: [*a, *b], i: {**a, 'b': 1}, j: a[1:2, ::3], k: 1 .real,
      l: not a and (b or c), m: a if b else c, p: 2**-1, q: (-2)**2,
      r: (1,), s: ..., t: "a'b\"", u: b"x\x00", v: a < b < c,
      w: (x for x in y if x async for z in w), x: f(x for x in y),
      y: {x: y for x, y in z}, z: f"{x=!r:^10}") -> None:
    pass


def g(a: t"{b  +  c}{ {1} }{x:{y  +1}}", b: f"{b  +  c}{'a' 'b'}",
      c: "x" "y", d: t"{'{'}", e: f"{'{'}", f: t"lit{{}}", g: f"lit{{}}\n",
      h: (1, 2), i: a.b.c(d)[e], j: 1.0, k: 1e10, l: -(-1), m: lambda: 1,
      n: not (not a), o: (a, *b), p: a[()], q: a[(1, 2)], r: a[1:],
      s: 10**20, t: (a for b in c for d in e), u: a | b & c ^ d << 2 >> 1,
      v: a @ b // c % d / e, w: ~a + -b - +c, x: a is not b not in c,
      y: {1, 2}, z: [a for b in c if d if e], *args: *Ts, **kwargs: P.kwargs):
    local: NotEvaluated = 1
    return local


class C:
    attr: C
    other: list[C] = []

    def method(self, arg: C | None = None) -> C:
        return self
