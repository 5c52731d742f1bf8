//! Every static type, with its index into the per-interpreter table of type
//! dictionaries (`Vm::type_dicts`).
//!
//! A static type is shared by all interpreters, so its `__dict__` cannot
//! live in the type; each interpreter builds one dict per static type at
//! start-up, indexed by `TypeObject::dict_index`. `TypeIndex` assigns
//! those indices; the exception types follow the others in the order of
//! `exceptions::EXCEPTION_TYPES`. A test checks every type sits at its index.

use crate::objects::typeobject::TypeObject;

macro_rules! static_types {
    ($($idx:ident => $path:path),* $(,)?) => {
        /// Index of each non-exception static type; `FirstException` is the
        /// index of BaseException, the first of the exception block.
        #[repr(u16)]
        #[derive(Clone, Copy, Debug)]
        pub enum TypeIndex { $($idx),* , FirstException }

        /// The non-exception static types, in `TypeIndex` order.
        pub static NON_EXCEPTION_TYPES: &[&TypeObject] = &[$(&$path),*];
    };
}

static_types! {
    Object => crate::objects::object_type::OBJECT_TYPE,
    Type => crate::objects::type_type::TYPE_TYPE,
    NoneType => crate::objects::singletons::NONE_TYPE,
    NotImplementedType => crate::objects::singletons::NOT_IMPLEMENTED_TYPE,
    Ellipsis => crate::objects::singletons::ELLIPSIS_TYPE,
    Int => crate::objects::int::INT_TYPE,
    Bool => crate::objects::bool_::BOOL_TYPE,
    Float => crate::objects::float::FLOAT_TYPE,
    Complex => crate::objects::complex::COMPLEX_TYPE,
    Str => crate::objects::str::STR_TYPE,
    Bytes => crate::objects::bytes::BYTES_TYPE,
    ByteArray => crate::objects::bytes::BYTEARRAY_TYPE,
    Tuple => crate::objects::tuple::TUPLE_TYPE,
    List => crate::objects::list::LIST_TYPE,
    Dict => crate::objects::dict::DICT_TYPE,
    DictKeys => crate::objects::dict::views::DICT_KEYS_TYPE,
    DictValues => crate::objects::dict::views::DICT_VALUES_TYPE,
    DictItems => crate::objects::dict::views::DICT_ITEMS_TYPE,
    DictKeyIterator => crate::objects::dict::views::DICT_KEYITERATOR_TYPE,
    DictValueIterator => crate::objects::dict::views::DICT_VALUEITERATOR_TYPE,
    DictItemIterator => crate::objects::dict::views::DICT_ITEMITERATOR_TYPE,
    DictRevKeyIterator => crate::objects::dict::views::DICT_REVKEYITERATOR_TYPE,
    DictRevValueIterator => crate::objects::dict::views::DICT_REVVALUEITERATOR_TYPE,
    DictRevItemIterator => crate::objects::dict::views::DICT_REVITEMITERATOR_TYPE,
    Set => crate::objects::set::SET_TYPE,
    FrozenSet => crate::objects::set::FROZENSET_TYPE,
    SetIterator => crate::objects::set::SET_ITERATOR_TYPE,
    Range => crate::objects::range::RANGE_TYPE,
    RangeIterator => crate::objects::range::RANGE_ITERATOR_TYPE,
    LongRangeIterator => crate::objects::range::LONGRANGE_ITERATOR_TYPE,
    Slice => crate::objects::slice::SLICE_TYPE,
    Function => crate::objects::function::FUNCTION_TYPE,
    Method => crate::objects::function::METHOD_TYPE,
    Code => crate::objects::code::CODE_TYPE,
    Cell => crate::objects::cell::CELL_TYPE,
    Module => crate::objects::module::MODULE_TYPE,
    BuiltinFunction => crate::objects::native::BUILTIN_FUNCTION_TYPE,
    MethodDescriptor => crate::objects::native::METHOD_DESCRIPTOR_TYPE,
    ClassMethodDescriptor => crate::objects::native::CLASSMETHOD_DESCRIPTOR_TYPE,
    GetSetDescriptor => crate::objects::descr::GETSET_DESCRIPTOR_TYPE,
    MemberDescriptor => crate::objects::heaptype::MEMBER_DESCRIPTOR_TYPE,
    StaticMethod => crate::objects::descr_types::STATICMETHOD_TYPE,
    ClassMethod => crate::objects::descr_types::CLASSMETHOD_TYPE,
    Property => crate::objects::descr_types::PROPERTY_TYPE,
    Super => crate::objects::super_type::SUPER_TYPE,
    Generator => crate::objects::generator::GENERATOR_TYPE,
    Coroutine => crate::objects::generator::COROUTINE_TYPE,
    AsyncGenerator => crate::objects::generator::ASYNC_GENERATOR_TYPE,
    AsyncGenWrappedValue => crate::objects::async_gen::ASYNC_GEN_WRAPPED_VALUE_TYPE,
    AsyncGenASend => crate::objects::async_gen::ASYNC_GEN_ASEND_TYPE,
    AsyncGenAThrow => crate::objects::async_gen::ASYNC_GEN_ATHROW_TYPE,
    WrapperDescriptor => crate::objects::slot_wrappers::WRAPPER_DESCRIPTOR_TYPE,
    MethodWrapper => crate::objects::slot_wrappers::METHOD_WRAPPER_TYPE,
    MappingProxy => crate::objects::mappingproxy::MAPPINGPROXY_TYPE,
    SeqIterator => crate::objects::iterators::SEQ_ITERATOR_TYPE,
    ListIterator => crate::objects::iterators::LIST_ITERATOR_TYPE,
    TupleIterator => crate::objects::iterators::TUPLE_ITERATOR_TYPE,
    ListReverseIterator => crate::objects::iterators::LIST_REVERSEITERATOR_TYPE,
    StrIterator => crate::objects::iterators::STR_ITERATOR_TYPE,
    StrAsciiIterator => crate::objects::iterators::STR_ASCII_ITERATOR_TYPE,
    CallableIterator => crate::objects::iterators::CALLABLE_ITERATOR_TYPE,
    Traceback => crate::objects::traceback::TRACEBACK_TYPE,
    Frame => crate::objects::traceback::FRAME_TYPE,
    Template => crate::objects::template::TEMPLATE_TYPE,
    Interpolation => crate::objects::template::INTERPOLATION_TYPE,
    TypeVar => crate::objects::typing::TYPEVAR_TYPE,
    ParamSpec => crate::objects::typing::PARAMSPEC_TYPE,
    TypeVarTuple => crate::objects::typing::TYPEVARTUPLE_TYPE,
    NoDefault => crate::objects::typing::NODEFAULT_TYPE,
    TypeAlias => crate::objects::typing::TYPEALIAS_TYPE,
    Generic => crate::objects::typing::GENERIC_TYPE,
    GenericAlias => crate::objects::typing::GENERICALIAS_TYPE,
    Enumerate => crate::builtins::itertypes::ENUMERATE_TYPE,
    Reversed => crate::builtins::itertypes::REVERSED_TYPE,
    Zip => crate::builtins::itertypes::ZIP_TYPE,
    Map => crate::builtins::itertypes::MAP_TYPE,
    Filter => crate::builtins::itertypes::FILTER_TYPE,
    TextIO => crate::modules::io::TEXTIO_TYPE,
    Null => crate::vm::null::NULL_TYPE,
}

/// Every static type, exceptions last, in index order.
pub fn all_static_types() -> impl Iterator<Item = &'static TypeObject> {
    NON_EXCEPTION_TYPES
        .iter()
        .chain(crate::objects::exceptions::EXCEPTION_TYPES.iter())
        .copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_static_type_sits_at_its_index() {
        for (i, t) in super::all_static_types().enumerate() {
            assert_eq!(
                t.dict_index as usize, i,
                "{} is registered at the wrong index",
                t.tp_name
            );
        }
    }
}
