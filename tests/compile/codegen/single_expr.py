# mode: single
a + b
