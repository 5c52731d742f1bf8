//! Interned names the interpreter looks up often (CPython's `_Py_ID`),
//! created once per interpreter.

use crate::objects::Obj;

macro_rules! identifiers {
    ($($name:ident),* $(,)?) => {
        /// Pre-interned identifier strings.
        #[allow(non_snake_case)]
        pub struct Identifiers { $(pub $name: Obj),* }

        impl Identifiers {
            pub fn new(intern: &mut dyn FnMut(&str) -> Obj) -> Identifiers {
                Identifiers { $($name: intern(stringify!($name))),* }
            }
        }
    };
}

identifiers! {
    __name__, __qualname__, __module__, __doc__, __dict__, __class__,
    __builtins__, __main__, __file__, __cached__, __loader__, __spec__,
    __package__, __annotations__, __annotate__, __init__, __new__,
    __repr__, __str__, __format__, __iter__, __next__, __len__,
    __getitem__, __setitem__, __delitem__, __contains__, __call__,
    __hash__, __eq__, __bool__, __index__, __int__, __float__,
    __enter__, __exit__, __notes__, __all__, __path__,
    __build_class__, __import__, __debug__, __conditional_annotations__,
    keys, items, values, get, write, flush, append, extend, join, format,
    sort, copy, encoding, errors, name, end, sep, file, key, reverse,
    __slots__, __classcell__, __set_name__, __init_subclass__,
    __class_getitem__, __prepare__, __mro_entries__, __orig_bases__,
    __getattr__, __getattribute__, __setattr__, __delattr__, __get__,
    __set__, __delete__, __del__, __weakref__, __instancecheck__,
    __subclasscheck__, __firstlineno__, __static_attributes__,
    __type_params__, mro, __missing__, __reversed__, __length_hint__,
}
