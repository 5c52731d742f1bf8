# String and bytes literals, escapes, raw strings, docstrings in classes.
a = 'simple'
b = "double"
c = '''triple
quoted'''
d = r'raw\n'
e = 'esc\n\t\x41\u00e9\N{BULLET}'
f = b'bytes\x00'
g = rb'raw\bytes'
h = 'implicit' "concat" '''enation'''
i = u'unicode'
j = 'é'
class K:
    '''Class doc.'''
def fn():
    'Single quote doc'
    return 1
