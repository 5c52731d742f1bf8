//! `mappingproxy`: a read-only view of a mapping (`type.__dict__`).

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{CompareOp, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, object_type};

#[repr(C)]
pub struct MappingProxyObject {
    pub ob: ObjHeader,
    pub mapping: Obj,
}
crate::py_layout!(MappingProxyObject, MAPPINGPROXY_TYPE);

pub static MAPPINGPROXY_TYPE: TypeObject = TypeObject::new_static(
    "mappingproxy",
    &MAPPINGPROXY_TYPE,
    TypeIndex::MappingProxy as u16,
    dealloc_box::<MappingProxyObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(mappingproxy_traverse, None)
.flags(crate::objects::typeobject::flags::MAPPING)
.repr(proxy_repr)
.str(proxy_str)
.richcompare(proxy_richcompare)
.len(proxy_len)
.contains(proxy_contains)
.subscript(proxy_getitem)
.iter(proxy_iter)
.methods(PROXY_METHODS);

pub fn new_mappingproxy(mapping: Obj) -> Obj {
    Obj::alloc(MappingProxyObject {
        ob: ObjHeader::new(&MAPPINGPROXY_TYPE),
        mapping,
    })
}

fn m(o: &Obj) -> Obj {
    o.downcast::<MappingProxyObject>()
        .expect("mappingproxy slot")
        .mapping
        .clone()
}

fn proxy_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let r = vm.repr(&m(o))?;
    Ok(vm.new_string(format!("mappingproxy({})", str_value(&r))))
}
fn proxy_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    vm.str(&m(o))
}
fn proxy_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    vm.rich_compare(&m(a), b, op)
}
fn proxy_len(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    vm.len(&m(o))
}
fn proxy_contains(vm: &mut Vm, o: &Obj, k: &Obj) -> PyResult<bool> {
    vm.contains(&m(o), k)
}
fn proxy_getitem(vm: &mut Vm, o: &Obj, k: &Obj) -> PyResult<Obj> {
    vm.getitem(&m(o), k)
}
fn proxy_iter(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    vm.get_iter(&m(o))
}

fn forward(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<Obj> {
    args::no_kwargs(vm, name, kw)?;
    let n = vm.intern(name);
    vm.call_method(&m(&a[0]), &n, &a[1..])
}
fn p_keys(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    forward(vm, a, kw, "keys")
}
fn p_values(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    forward(vm, a, kw, "values")
}
fn p_items(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    forward(vm, a, kw, "items")
}
fn p_get(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    forward(vm, a, kw, "get")
}
fn p_copy(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    forward(vm, a, kw, "copy")
}

static PROXY_METHODS: &[MethodDef] = &[
    MethodDef::new("keys", p_keys),
    MethodDef::new("values", p_values),
    MethodDef::new("items", p_items),
    MethodDef::new("get", p_get),
    MethodDef::new("copy", p_copy),
];

crate::gc_traverse!(mappingproxy_traverse, MappingProxyObject, [mapping]);
