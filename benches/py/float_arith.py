# Workload: float arithmetic (Mandelbrot, a spectral-norm step, an n-body
# style integration over parallel lists, polynomial evaluation).
# `float_arith.pyc N`: N scales the work. Prints rounded results and a
# checksum python3.14 agrees with.
import sys


def mandel(size, limit):
    inside = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 3.0 * px / size - 2.0
            zr = zi = 0.0
            k = 0
            while k < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            if k == limit:
                inside += 1
    return inside


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)


def spectral(n, rounds):
    u = [1.0] * n
    v = [0.0] * n
    for _ in range(rounds):
        for i in range(n):
            s = 0.0
            for j in range(n):
                s += eval_a(i, j) * u[j]
            v[i] = s
        for i in range(n):
            s = 0.0
            for j in range(n):
                s += eval_a(j, i) * v[j]
            u[i] = s
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vbv / vv) ** 0.5


def bodies(steps):
    xs = [0.0, 4.84, 8.34, 12.89, 15.37]
    ys = [0.0, -1.16, 4.12, -15.11, -25.91]
    vx = [0.0, 0.606, -1.01, 1.08, 0.979]
    vy = [0.0, 2.81, 1.82, 0.868, 0.594]
    ms = [39.47, 0.037, 0.011, 0.0017, 0.002]
    dt = 0.01
    nb = len(xs)
    for _ in range(steps):
        for i in range(nb):
            for j in range(i + 1, nb):
                dx = xs[i] - xs[j]
                dy = ys[i] - ys[j]
                d2 = dx * dx + dy * dy
                mag = dt / (d2 * d2 ** 0.5)
                vx[i] -= dx * ms[j] * mag
                vy[i] -= dy * ms[j] * mag
                vx[j] += dx * ms[i] * mag
                vy[j] += dy * ms[i] * mag
        for i in range(nb):
            xs[i] += dt * vx[i]
            ys[i] += dt * vy[i]
    e = 0.0
    for i in range(nb):
        e += 0.5 * ms[i] * (vx[i] * vx[i] + vy[i] * vy[i])
    return e


def horner(n):
    coeffs = [1.0, -0.5, 0.25, -0.125, 0.0625, -0.03125]
    total = 0.0
    for k in range(n):
        x = k / n
        acc = 0.0
        for c in coeffs:
            acc = acc * x + c
        total += acc
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
m = mandel(8 * n, 50)
s = spectral(4 * n, 2)
b = bodies(40 * n)
h = horner(500 * n)
print("mandel", m)
print("spectral", f"{s:.9f}")
print("bodies", f"{b:.9f}")
print("horner", f"{h:.6f}")
print("checksum", (m * 31 + int(s * 1e6) * 17 + int(b * 1e6) * 7 + int(h * 1e3)) % 1000000007)
