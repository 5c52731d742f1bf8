# The first milestone program: a small word-statistics and ledger report
# that exercises functions (defaults, keyword-only, *args, **kwargs),
# closures with nonlocal, loops with else, comprehensions, exceptions with
# try/except/finally and raise-from, f-strings with format specs, big
# integers and the methods of dict, set, list and str.

TEXT = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! A quick brown dog? No -- a lazy, lazy fox."""


def tokenize(text, *, lower=True, strip=".,;!?-"):
    words = []
    for raw in text.split():
        word = raw.strip(strip)
        if not word:
            continue
        words.append(word.lower() if lower else word)
    return words


def frequencies(words, *extra, min_count=1, **weights):
    counts = {}
    for w in [*words, *extra]:
        counts[w] = counts.get(w, 0) + weights.get(w, 1)
    return {w: c for w, c in counts.items() if c >= min_count}


def make_ledger(opening=0):
    balance = opening
    history = []

    def post(amount, memo="", **tags):
        nonlocal balance
        if not isinstance(amount, int):
            raise TypeError(f"amount must be int, not {type(amount).__name__}")
        balance += amount
        history.append((amount, memo, tuple(sorted(tags))))
        return balance

    def report(width=10):
        lines = [f"{memo or '-':<12}{amount:>+{width},d}  {','.join(tags)}" for amount, memo, tags in history]
        lines.append(f"{'balance':<12}{balance:>{width + 1},d}")
        return "\n".join(lines)

    return post, report


def find_first(words, predicate, default=None):
    for i, w in enumerate(words):
        if predicate(w):
            found = (i, w)
            break
    else:
        found = default
    return found


def parse_amount(text):
    try:
        return int(text.replace("_", ""))
    except ValueError as exc:
        raise LookupError(f"bad amount {text!r}") from exc


words = tokenize(TEXT)
print(f"{len(words)} words, {len(set(words))} distinct")
freq = frequencies(words, "fox", min_count=2, the=10)
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
for rank, (word, count) in enumerate(top, start=1):
    print(f"{rank:>2}. {word:<8}|{count:>4}|{count / len(words):>7.2%}|{'#' * count}")
print(find_first(words, lambda w: len(w) > 4), find_first(words, str.isdigit, default="none"))

letters = {c for w in words for c in w}
vowels = set("aeiou")
print(sorted(letters & vowels), sorted(letters - vowels)[:5], len(letters ^ vowels), vowels <= letters)
caps = [w.capitalize() for w in tokenize(TEXT, lower=False) if w[0].isupper()]
print(caps, "-".join(caps).swapcase(), ", ".join([w.upper() for w in caps[:2]]))
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
print({k: by_len[k] for k in sorted(by_len)}, max(by_len), by_len.get(99, []))

post, report = make_ledger(opening=1_000)
post(2 ** 64, "deposit", big=True)
post(-12_345, "rent", monthly=True, fixed=True)
post(parse_amount("1_000_000"), "bonus")
outcomes = []
for raw in ("42", "4x2", "-7"):
    try:
        post(parse_amount(raw), f"item {raw}")
        outcomes.append(f"ok {raw}")
    except LookupError as e:
        outcomes.append(f"{type(e).__name__}: {e} (cause: {type(e.__cause__).__name__})")
    finally:
        outcomes.append("checked")
print(outcomes)
try:
    post(1.5, "float")
except TypeError as e:
    print("rejected:", e)
print(report())
print(report(width=24))

factorial = 1
for n in range(1, 41):
    factorial *= n
digits = str(factorial)
print(f"40! = {factorial}")
print(f"{len(digits)} digits, digit sum {sum(map(int, digits))}, "
      f"trailing zeros {len(digits) - len(digits.rstrip('0'))}, hex {hex(factorial)[:12]}...")
print(f"{factorial:,}"[:23], f"{factorial % (10 ** 9 + 7):_d}", f"{2 ** 100 // 3 ** 40:>30}")
print(f"{3.14159265:{8}.{3}f}|{-0.5:+.1e}|{1e6:,.0f}|{255:#06x}|{'mid':^9}|{None!r:>6}")

table = [[i * j for j in range(1, 6)] for i in range(1, 6)]
print("\n".join([" ".join([f"{v:3d}" for v in row]) for row in table]))
diag = [table[i][i] for i in range(5)]
print(diag, sum(diag), [row[-1] for row in table if row[-1] % 2 == 0])
