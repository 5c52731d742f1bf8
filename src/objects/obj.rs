//! `Obj`: an owned reference to a Python object, one machine word wide.
//!
//! This file and `header.rs` are the unsafe core of the object model: every
//! raw-pointer operation on objects lives here, behind a safe API.
//!
//! Representation. An `Obj` is a non-zero word:
//! - bit 0 set: a *small int* stored inline, `value << 1 | 1`, for values in
//!   `SMALL_INT_MIN..=SMALL_INT_MAX` (63-bit signed). Exact `int` objects in
//!   that range are always represented this way, never on the heap, so
//!   integer loops allocate nothing;
//! - bit 0 clear: a pointer to a `#[repr(C)]` object whose first field is an
//!   [`ObjHeader`].
//!
//! `Option<Obj>` is also one word (zero is `None`), which is what a value
//! stack slot or an unbound local holds, like CPython's `_PyStackRef`.
//!
//! Cloning increments the reference count, dropping decrements it and frees
//! the object at zero through its type's `tp_dealloc`. Immortal objects and
//! small ints skip the count entirely.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;
use std::num::NonZeroUsize;

use crate::objects::header::ObjHeader;
use crate::objects::typeobject::TypeObject;

/// Smallest value an inline (tagged) small int can hold.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
/// Largest value an inline (tagged) small int can hold.
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

/// An owned (strong) reference to a Python object.
///
/// Neither `Send` nor `Sync`: reference counts are not atomic, so an object
/// must stay on the thread of the interpreter that owns it.
#[repr(transparent)]
pub struct Obj(NonZeroUsize, PhantomData<*const ObjHeader>);

static_assertions::assert_eq_size!(Obj, usize);
static_assertions::assert_eq_size!(Option<Obj>, usize);

/// Object structs the core knows how to allocate, free and downcast to.
///
/// # Safety
/// The implementor must be `#[repr(C)]` with an [`ObjHeader`] as its first
/// field, have an alignment of at least 2 (so a pointer to it never has bit 0
/// set), and `class()` must return the static type that defines this layout.
/// Use the [`py_layout!`](crate::py_layout) macro, which checks the first two
/// conditions at compile time.
pub unsafe trait PyLayout: Sized + 'static {
    /// The static type whose instances have exactly this layout.
    fn class() -> &'static TypeObject;
}

/// Implements [`PyLayout`] for a struct and checks its shape at compile time.
#[macro_export]
macro_rules! py_layout {
    ($t:ty, $class:expr) => {
        // SAFETY: the assertions below check the header is the first field and
        // the alignment keeps bit 0 of a pointer clear; `$class` is the type
        // that allocates this layout.
        unsafe impl $crate::objects::PyLayout for $t {
            #[inline(always)]
            fn class() -> &'static $crate::objects::TypeObject {
                &$class
            }
        }
        const _: () = assert!(::std::mem::offset_of!($t, ob) == 0);
        const _: () = assert!(::std::mem::align_of::<$t>() >= 2);
        // Heap-type instances keep words before the header (see
        // `Obj::alloc`); a larger alignment would put padding between.
        const _: () = assert!(::std::mem::align_of::<$t>() <= ::std::mem::align_of::<usize>());
    };
}

impl Obj {
    /// An inline small int, if `v` fits.
    #[inline(always)]
    pub fn from_small_int(v: i64) -> Option<Obj> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            Some(Obj::small_int_unchecked(v))
        } else {
            None
        }
    }

    /// An inline small int; `v` must be within the small range.
    #[inline(always)]
    pub(crate) fn small_int_unchecked(v: i64) -> Obj {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v));
        // SAFETY: the word is odd, so it is not zero.
        Obj(
            unsafe { NonZeroUsize::new_unchecked(((v << 1) | 1) as usize) },
            PhantomData,
        )
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.0.get() & 1 != 0
    }

    /// The value of an inline small int.
    #[inline(always)]
    pub fn small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0.get() as i64) >> 1)
        } else {
            None
        }
    }

    /// The header of a heap or static object (None for inline ints).
    #[inline(always)]
    fn header(&self) -> Option<&ObjHeader> {
        if self.is_small_int() {
            None
        } else {
            // SAFETY: an untagged `Obj` always points to a live object that
            // starts with a header; we hold a reference, so it stays alive.
            Some(unsafe { &*(self.0.get() as *const ObjHeader) })
        }
    }

    /// The object's type (`type(x)`).
    #[inline(always)]
    pub fn class(&self) -> &TypeObject {
        match self.header() {
            None => &crate::objects::int::INT_TYPE,
            // SAFETY: an object keeps its type alive (static types are
            // immortal; instances of heap types hold a reference to it).
            Some(h) => unsafe { &*h.ob_type() },
        }
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Obj) -> bool {
        self.0 == other.0
    }

    /// Identity against a static object.
    #[inline(always)]
    pub fn is_static<T>(&self, other: &'static T) -> bool {
        self.0.get() == other as *const T as usize
    }

    /// The word itself: an address, or a tagged int. Used for `id()`.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.0.get()
    }

    /// Whether this object's layout is `T` (its type or a subclass of it
    /// whose instances share the layout).
    #[inline(always)]
    pub fn has_layout<T: PyLayout>(&self) -> bool {
        !self.is_small_int() && std::ptr::eq(self.class().layout, T::class())
    }

    /// The object as a `T`, if its layout is `T`.
    #[inline(always)]
    pub fn downcast<T: PyLayout>(&self) -> Option<&T> {
        if self.has_layout::<T>() {
            // SAFETY: the layout check guarantees the pointee is a `T`.
            Some(unsafe { &*(self.0.get() as *const T) })
        } else {
            None
        }
    }

    /// The object as a `T`, when its exact type (not a subclass) is `T`'s.
    #[inline(always)]
    pub fn downcast_exact<T: PyLayout>(&self) -> Option<&T> {
        if !self.is_small_int() && std::ptr::eq(self.class(), T::class()) {
            // SAFETY: the object's type is the one that defines layout `T`.
            Some(unsafe { &*(self.0.get() as *const T) })
        } else {
            None
        }
    }

    /// Moves `value` to the heap and returns the owning reference.
    /// `value`'s header must have been made with [`ObjHeader::new`].
    ///
    /// Some objects get words before the header (see [`object_layout`]):
    /// instances of classes defined in Python get the words their type asks
    /// for (`TypeObject::tp_prefix`: the instance `__dict__` and the
    /// `__slots__` values), empty, as CPython 3.12+ keeps a managed dict
    /// before `PyObject`, so any builtin layout can be subclassed without
    /// knowing where its own fields end; and objects of collectable types
    /// (those with a `tp_traverse`) get the cycle collector's link right
    /// before the header, and are tracked from here on.
    #[inline]
    pub fn alloc<T: PyLayout>(value: T) -> Obj {
        // SAFETY: `T` starts with a header whose type pointer was just set
        // to a live type.
        let ty = unsafe {
            let h = &*(&value as *const T as *const ObjHeader);
            &*h.ob_type()
        };
        if ty.tp_pre_words != 0 {
            return if ty.tp_prefix == 0 {
                alloc_tracked(value)
            } else {
                alloc_prefixed(value, ty)
            };
        }
        let p = Box::into_raw(Box::new(value));
        // SAFETY: a Box pointer is non-null, and `PyLayout` guarantees an
        // alignment of at least 2, so bit 0 is clear.
        Obj(
            unsafe { NonZeroUsize::new_unchecked(p as usize) },
            PhantomData,
        )
    }

    /// A reference to an immortal static object.
    #[inline(always)]
    pub fn from_static<T: StaticObject>(obj: &'static T) -> Obj {
        debug_assert!(obj.header().is_immortal());
        // SAFETY: statics are non-null and at least 2-aligned (StaticObject).
        Obj(
            unsafe { NonZeroUsize::new_unchecked(obj as *const T as usize) },
            PhantomData,
        )
    }

    /// Builds an `Obj` from a pointer to a live object, taking a new reference.
    ///
    /// # Safety
    /// `p` must point to a live object (header first).
    #[inline(always)]
    pub unsafe fn from_ptr_incref(p: *const ObjHeader) -> Obj {
        // SAFETY: guaranteed by the caller.
        unsafe { (*p).incref() };
        // SAFETY: object pointers are non-null and 2-aligned.
        Obj(
            unsafe { NonZeroUsize::new_unchecked(p as usize) },
            PhantomData,
        )
    }

    /// Takes ownership of a freshly created object's single reference.
    ///
    /// # Safety
    /// `p` must point to a live object (header first, at least 2-aligned)
    /// whose reference the caller owns and hands over.
    #[inline(always)]
    pub unsafe fn from_raw_owned(p: *const ObjHeader) -> Obj {
        // SAFETY: guaranteed by the caller.
        Obj(
            unsafe { NonZeroUsize::new_unchecked(p as usize) },
            PhantomData,
        )
    }

    /// The raw pointer of a heap or static object (None for inline ints).
    #[inline(always)]
    pub fn as_ptr(&self) -> Option<*const ObjHeader> {
        if self.is_small_int() {
            None
        } else {
            Some(self.0.get() as *const ObjHeader)
        }
    }

    /// The reference count (inline ints and immortals report a large number).
    pub fn refcnt(&self) -> usize {
        match self.header() {
            None => crate::objects::header::IMMORTAL_REFCNT,
            Some(h) => h.refcnt(),
        }
    }

    /// Word `i` of the storage before the header of an instance of a class
    /// defined in Python (1 is the one just before the header); None if the
    /// object has no such word.
    pub fn prefix_cell(&self, i: usize) -> Option<&ObjCell> {
        let h = self.header()?;
        // SAFETY: the type is alive while the object is.
        let prefix = unsafe { (*h.ob_type()).tp_prefix };
        if i == 0 || i > prefix {
            return None;
        }
        // SAFETY: `Obj::alloc` put `prefix` zeroed `ObjCell`s before the
        // header (and the collector's link, for collectable types), and
        // they live as long as the object.
        Some(unsafe {
            &*(h as *const ObjHeader as *const ObjCell).sub(i + gc_words(&*h.ob_type()))
        })
    }

    /// Changes the type of a (mortal) object; see `ObjHeader::set_ob_type`.
    pub fn set_class(&self, ty: *const TypeObject) {
        if let Some(h) = self.header() {
            h.set_ob_type(ty);
        }
    }
}

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        if let Some(h) = self.header() {
            h.incref();
        }
        Obj(self.0, PhantomData)
    }
}

impl Drop for Obj {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(h) = self.header()
            && h.decref_is_zero()
        {
            // SAFETY: that was the last reference; nobody can reach the
            // object any more.
            unsafe { dealloc(self.0.get() as *mut ObjHeader) }
        }
    }
}

/// Frees an object whose count reached zero, through its type's `tp_dealloc`.
#[inline(never)]
unsafe fn dealloc(p: *mut ObjHeader) {
    // SAFETY: the caller owns the last reference; the type is alive (static,
    // or kept alive by the reference the instance holds on it).
    unsafe {
        let ty = &*(*p).ob_type();
        (ty.tp_dealloc)(p)
    }
}

/// A `tp_dealloc` for objects allocated by [`Obj::alloc`].
///
/// # Safety
/// `p` must come from `Obj::alloc::<T>` and be unreachable.
pub unsafe fn dealloc_box<T: PyLayout>(p: *mut ObjHeader) {
    // SAFETY: guaranteed by the caller; the type (static, or an immortal
    // heap type) is still readable and says how the object was allocated.
    unsafe {
        let ty = &*(*p).ob_type();
        if ty.tp_pre_words == 0 {
            drop(Box::from_raw(p as *mut T));
        } else if ty.tp_prefix == 0 {
            let t = (p as *mut u8).sub(std::mem::offset_of!(Tracked<T>, body)) as *mut Tracked<T>;
            crate::objects::gc::untrack(&raw const (*t).head);
            drop(Box::from_raw(t));
        } else {
            let (start, layout) = release_prefix(p, std::alloc::Layout::new::<T>());
            std::ptr::drop_in_place(p as *mut T);
            std::alloc::dealloc(start, layout);
        }
    }
}

/// Words of the collector's link before an object of type `ty`.
#[inline(always)]
pub fn gc_words(ty: &TypeObject) -> usize {
    ty.tp_pre_words - ty.tp_prefix
}

/// The allocation of an object of type `ty` whose body is laid out as
/// `body`: the whole layout and the body's offset in it. Before the body
/// come `ty.tp_prefix` object cells, then, for collectable types, the
/// collector's link.
pub fn object_layout(ty: &TypeObject, body: std::alloc::Layout) -> (std::alloc::Layout, usize) {
    let pre = ty.tp_pre_words;
    let words = std::alloc::Layout::array::<usize>(pre).expect("prefix fits in memory");
    let (layout, offset) = words.extend(body).expect("object fits in memory");
    debug_assert_eq!(offset, pre * size_of::<usize>());
    (layout.pad_to_align(), offset)
}

/// A collectable object without prefix words: the collector's link, then
/// the object (the layout [`object_layout`] gives, known at compile time).
#[repr(C)]
struct Tracked<T> {
    head: crate::objects::gc::GcHead,
    body: T,
}

/// Allocates `value`, of a collectable type without prefix words, and
/// starts tracking it (see [`Obj::alloc`]).
#[inline]
fn alloc_tracked<T: PyLayout>(value: T) -> Obj {
    let t = Box::into_raw(Box::new(Tracked {
        head: crate::objects::gc::GcHead::unlinked(),
        body: value,
    }));
    // SAFETY: the box is live and stays at this address until
    // `dealloc_box` frees it; the body starts with a header (`PyLayout`),
    // at least 2-aligned.
    unsafe {
        crate::objects::gc::track(&raw const (*t).head);
        Obj::from_raw_owned(&raw const (*t).body as *const ObjHeader)
    }
}

/// Allocates `value`, of type `ty`, after its prefix words and link (see
/// [`Obj::alloc`]).
#[cold]
fn alloc_prefixed<T: PyLayout>(value: T, ty: &TypeObject) -> Obj {
    let (layout, offset) = object_layout(ty, std::alloc::Layout::new::<T>());
    // SAFETY: the layout is non-empty; the prefix words are zeroed (empty
    // `ObjCell`s) and the body written before the pointer escapes.
    unsafe {
        let start = std::alloc::alloc_zeroed(layout);
        if start.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let body = start.add(offset) as *mut T;
        std::ptr::write(body, value);
        track_new(body as *const ObjHeader, ty);
        Obj::from_raw_owned(body as *const ObjHeader)
    }
}

/// Starts tracking a newly allocated object of a collectable type.
///
/// # Safety
/// `p` was just allocated with [`object_layout`] for `ty`, with its link
/// zeroed.
#[inline]
pub unsafe fn track_new(p: *const ObjHeader, ty: &TypeObject) {
    if ty.tp_traverse.is_some() {
        // SAFETY: guaranteed by the caller: the link sits right before the
        // header and the object stays at this address until freed.
        unsafe { crate::objects::gc::track((p as *const crate::objects::gc::GcHead).sub(1)) }
    }
}

/// Stops tracking a dying object, empties its prefix words (dropping the
/// references they hold) and returns where its allocation starts and its
/// layout.
///
/// # Safety
/// `p` is an unreachable object allocated with [`object_layout`] for its
/// current type and a body of layout `body`.
pub unsafe fn release_prefix(
    p: *mut ObjHeader,
    body: std::alloc::Layout,
) -> (*mut u8, std::alloc::Layout) {
    // SAFETY: guaranteed by the caller: the prefix words are `ObjCell`s,
    // followed by the link of a collectable type.
    unsafe {
        let ty = &*(*p).ob_type();
        if ty.tp_traverse.is_some() {
            crate::objects::gc::untrack((p as *const crate::objects::gc::GcHead).sub(1));
        }
        let (layout, offset) = object_layout(ty, body);
        let start = (p as *mut u8).sub(offset);
        for i in 0..ty.tp_prefix {
            let cell = &*(start as *const ObjCell).add(i);
            drop(cell.take());
        }
        (start, layout)
    }
}

/// A `tp_dealloc` for containers: frees through the trashcan so that
/// dropping a deeply nested structure does not recurse without bound.
///
/// # Safety
/// As for [`dealloc_box`].
pub unsafe fn dealloc_box_trashcan<T: PyLayout>(p: *mut ObjHeader) {
    crate::objects::trashcan::deposit_or_free(p, dealloc_box::<T>);
}

/// A `tp_dealloc` for static objects, which are never freed.
///
/// # Safety
/// Never actually frees anything; only immortal objects use it.
pub unsafe fn dealloc_never(_p: *mut ObjHeader) {
    debug_assert!(
        false,
        "an immortal object reached a reference count of zero"
    );
}

/// Statics that may be wrapped as an [`Obj`] (None, True, the static types...).
///
/// # Safety
/// The implementor is a `#[repr(C)]` struct beginning with an immortal
/// [`ObjHeader`], with an alignment of at least 2.
pub unsafe trait StaticObject: Sync + 'static {
    fn header(&self) -> &ObjHeader {
        // SAFETY: the trait guarantees the header comes first.
        unsafe { &*(self as *const Self as *const ObjHeader) }
    }
}

impl fmt::Debug for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.small_int() {
            Some(v) => write!(f, "<int {v}>"),
            None => write!(f, "<{} object at {:#x}>", self.class().name(), self.0.get()),
        }
    }
}

/// A mutable field holding an optional object reference, for object fields
/// that Python code may rebind (`f.__defaults__`, `e.__cause__`...).
///
/// It is a `Cell`, not a `RefCell`: reads clone the reference out and writes
/// swap it in, so no borrow is ever held while Python code runs (dropping the
/// old value may run arbitrary code, and the cell is consistent before that).
#[derive(Default)]
pub struct ObjCell(Cell<Option<Obj>>);

impl ObjCell {
    pub const fn new(v: Option<Obj>) -> ObjCell {
        ObjCell(Cell::new(v))
    }

    pub const fn empty() -> ObjCell {
        ObjCell(Cell::new(None))
    }

    /// A new reference to the current value.
    pub fn get(&self) -> Option<Obj> {
        let v = self.0.take();
        let r = v.clone();
        self.0.set(v);
        r
    }

    /// Whether the cell holds a value.
    pub fn is_some(&self) -> bool {
        let v = self.0.take();
        let r = v.is_some();
        self.0.set(v);
        r
    }

    /// Stores a new value; the old one is dropped after the cell is updated.
    pub fn set(&self, v: Option<Obj>) {
        drop(self.0.replace(v));
    }

    /// Takes the value out, leaving the cell empty.
    pub fn take(&self) -> Option<Obj> {
        self.0.take()
    }

    /// Replaces the value and returns the old one.
    pub fn replace(&self, v: Option<Obj>) -> Option<Obj> {
        self.0.replace(v)
    }

    /// Shows the current value, if any, to `visit` without taking a new
    /// reference (what a `tp_traverse` does with a field).
    pub fn visit(&self, visit: &mut dyn FnMut(&Obj)) {
        let v = self.0.take();
        if let Some(o) = &v {
            visit(o);
        }
        self.0.set(v);
    }

    /// Whether the current value is `other` (identity).
    pub fn is(&self, other: &Obj) -> bool {
        let v = self.0.take();
        let r = v.as_ref().is_some_and(|x| x.is(other));
        self.0.set(v);
        r
    }
}

/// A list of object references behind a `RefCell`, for mutable containers.
///
/// Containers must never keep a borrow while calling into Python (`__eq__`,
/// `__hash__`, `__del__` of a dropped item...). The helpers below clone or
/// move items out first; `try_borrow_mut` failures surface as Python
/// `RuntimeError`s at the call sites that can meet them, never as panics.
pub type ObjVec = RefCell<Vec<Obj>>;
