//! `string.templatelib.Template` and `Interpolation` (PEP 750 t-strings,
//! CPython's `Objects/templateobject.c` and `interpolationobject.c`).

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box_trashcan;
use crate::objects::registry::TypeIndex;
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{GetSetDef, NbOp, TypeObject};
use crate::objects::{Obj, PyResult, Vm, object_type};

#[repr(C)]
pub struct TemplateObject {
    pub ob: ObjHeader,
    pub strings: Obj,
    pub interpolations: Obj,
}
crate::py_layout!(TemplateObject, TEMPLATE_TYPE);

pub static TEMPLATE_TYPE: TypeObject = TypeObject::new_static(
    "string.templatelib.Template",
    &TEMPLATE_TYPE,
    TypeIndex::Template as u16,
    dealloc_box_trashcan::<TemplateObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(template_traverse, None)
.repr(template_repr)
.iter(template_iter)
.nb(NbOp::Add, template_add)
.getsets(TEMPLATE_GETSETS);

#[repr(C)]
pub struct InterpolationObject {
    pub ob: ObjHeader,
    pub value: Obj,
    pub expression: Obj,
    pub conversion: Obj,
    pub format_spec: Obj,
}
crate::py_layout!(InterpolationObject, INTERPOLATION_TYPE);

pub static INTERPOLATION_TYPE: TypeObject = TypeObject::new_static(
    "string.templatelib.Interpolation",
    &INTERPOLATION_TYPE,
    TypeIndex::Interpolation as u16,
    dealloc_box_trashcan::<InterpolationObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(interpolation_traverse, None)
.repr(interpolation_repr)
.getsets(INTERPOLATION_GETSETS);

/// BUILD_TEMPLATE: both arguments are tuples built by the compiler.
pub fn new_template(vm: &mut Vm, strings: Obj, interpolations: Obj) -> PyResult<Obj> {
    if tuple_items(&strings).is_none() || tuple_items(&interpolations).is_none() {
        return Err(vm.system_error("BUILD_TEMPLATE expects two tuples"));
    }
    Ok(Obj::alloc(TemplateObject {
        ob: ObjHeader::new(&TEMPLATE_TYPE),
        strings,
        interpolations,
    }))
}

/// BUILD_INTERPOLATION: conversion 0 is none, 1 `s`, 2 `r`, 3 `a`.
pub fn new_interpolation(
    vm: &mut Vm,
    value: Obj,
    expression: Obj,
    conversion: u32,
    format_spec: Option<Obj>,
) -> PyResult<Obj> {
    let conversion = match conversion {
        0 => Obj::none(),
        1 => vm.intern("s"),
        2 => vm.intern("r"),
        3 => vm.intern("a"),
        _ => return Err(vm.system_error("BUILD_INTERPOLATION: bad conversion")),
    };
    let format_spec = format_spec.unwrap_or_else(|| vm.intern(""));
    Ok(Obj::alloc(InterpolationObject {
        ob: ObjHeader::new(&INTERPOLATION_TYPE),
        value,
        expression,
        conversion,
        format_spec,
    }))
}

fn tpl(o: &Obj) -> &TemplateObject {
    o.downcast::<TemplateObject>().expect("template slot")
}

fn interp(o: &Obj) -> &InterpolationObject {
    o.downcast::<InterpolationObject>()
        .expect("interpolation slot")
}

fn template_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = tpl(o);
    let s = vm.repr_string(&t.strings)?;
    let i = vm.repr_string(&t.interpolations)?;
    Ok(vm.new_string(format!("Template(strings={s}, interpolations={i})")))
}

fn interpolation_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let x = interp(o);
    let v = vm.repr_string(&x.value)?;
    let e = vm.repr_string(&x.expression)?;
    let c = vm.repr_string(&x.conversion)?;
    let f = vm.repr_string(&x.format_spec)?;
    Ok(vm.new_string(format!("Interpolation({v}, {e}, {c}, {f})")))
}

/// Iterating a template yields its non-empty strings and its
/// interpolations, in order.
fn template_iter(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = tpl(o);
    let strings = tuple_items(&t.strings).unwrap_or(&[]).to_vec();
    let interps = tuple_items(&t.interpolations).unwrap_or(&[]).to_vec();
    let mut items = Vec::new();
    for (i, s) in strings.iter().enumerate() {
        if !str_value(s).is_empty() {
            items.push(s.clone());
        }
        if let Some(x) = interps.get(i) {
            items.push(x.clone());
        }
    }
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// `t1 + t2`: strings at the seam are joined.
fn template_add(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (
        a.downcast::<TemplateObject>(),
        b.downcast::<TemplateObject>(),
    ) else {
        let (tn, other) = if a.downcast::<TemplateObject>().is_some() {
            (a, b)
        } else {
            (b, a)
        };
        return Err(vm.type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            tn.class().tp_name,
            other.class().name(),
            tn.class().tp_name
        )));
    };
    let mut strings: Vec<Obj> = tuple_items(&x.strings).unwrap_or(&[]).to_vec();
    let ys = tuple_items(&y.strings).unwrap_or(&[]);
    let last = strings
        .pop()
        .map(|s| str_value(&s).to_string())
        .unwrap_or_default();
    let first = ys
        .first()
        .map(|s| str_value(s).to_string())
        .unwrap_or_default();
    strings.push(vm.new_string(last + &first));
    strings.extend(ys.iter().skip(1).cloned());
    let mut interps: Vec<Obj> = tuple_items(&x.interpolations).unwrap_or(&[]).to_vec();
    interps.extend(
        tuple_items(&y.interpolations)
            .unwrap_or(&[])
            .iter()
            .cloned(),
    );
    new_template(vm, new_tuple(strings), new_tuple(interps))
}

fn get_strings(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tpl(o).strings.clone())
}
fn get_interpolations(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tpl(o).interpolations.clone())
}
fn get_values(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let values = tuple_items(&tpl(o).interpolations)
        .unwrap_or(&[])
        .iter()
        .map(|i| interp(i).value.clone())
        .collect();
    Ok(new_tuple(values))
}

static TEMPLATE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("strings", get_strings),
    GetSetDef::getter("interpolations", get_interpolations),
    GetSetDef::getter("values", get_values),
];

fn get_value(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(interp(o).value.clone())
}
fn get_expression(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(interp(o).expression.clone())
}
fn get_conversion(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(interp(o).conversion.clone())
}
fn get_format_spec(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(interp(o).format_spec.clone())
}

static INTERPOLATION_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("value", get_value),
    GetSetDef::getter("expression", get_expression),
    GetSetDef::getter("conversion", get_conversion),
    GetSetDef::getter("format_spec", get_format_spec),
];

/// Whether `o` is a str (helper for callers checking template parts).
pub fn is_text(o: &Obj) -> bool {
    o.downcast::<StrObject>().is_some()
}

crate::gc_traverse!(template_traverse, TemplateObject, [strings, interpolations]);
crate::gc_traverse!(
    interpolation_traverse,
    InterpolationObject,
    [value, expression, conversion, format_spec]
);
