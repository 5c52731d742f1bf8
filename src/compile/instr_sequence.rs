//! The compiler's output before optimisation: a flat list of instructions
//! with symbolic jump labels (a port of `Python/instruction_sequence.c`).
//!
//! Code generation (`codegen`) appends instructions, real or pseudo
//! (256..=266), and labels; the flow graph (`flowgraph`) builds basic blocks
//! from it, optimises them and writes a new sequence back, which the
//! assembler (`assemble`) turns into a code object. This type is the
//! contract between those stages, so it mirrors CPython's field for field:
//! tests compare it with what python3.14's `_testinternalcapi.compiler_codegen`
//! returns.

use super::location::Location;

/// A jump target (CPython's `_PyJumpTargetLabel`): an id handed out by
/// [`InstrSequence::new_label`], bound to a position by
/// [`InstrSequence::use_label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub i32);

impl Label {
    /// CPython's `NO_LABEL`.
    pub const NONE: Label = Label(-1);

    pub fn is_some(self) -> bool {
        self != Label::NONE
    }
}

/// Exception-handler information the flow graph attaches to instructions
/// (`_PyExceptHandlerInfo`); codegen leaves it empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ExceptHandlerInfo {
    /// Label of the handler, or -1 for none.
    pub label: i32,
    pub start_depth: i32,
    pub preserve_lasti: bool,
}

/// One instruction (`_PyInstruction`). For jumps and SETUP_* pseudo
/// instructions `oparg` holds a label id until
/// [`InstrSequence::apply_label_map`] turns it into an instruction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// Real (0..=255) or pseudo (256..=266) opcode, see `crate::opcode`.
    pub opcode: u16,
    pub oparg: i32,
    pub loc: Location,
    pub except_handler: ExceptHandlerInfo,
}

/// An instruction sequence (`_PyInstructionSequence`).
#[derive(Clone, Debug, Default)]
pub struct InstrSequence {
    pub instrs: Vec<Instr>,
    /// Label id -> instruction index (`s_labelmap`); -1 while unbound.
    pub label_map: Vec<i32>,
    /// Sequences of nested code units, kept only when the compiler is
    /// asked to (tests), as CPython's `s_nested`.
    pub nested: Vec<InstrSequence>,
    /// Code that builds `__annotate__`, spliced in at
    /// `ANNOTATIONS_PLACEHOLDER` later (`s_annotations_code`).
    pub annotations_code: Option<Box<InstrSequence>>,
}

impl InstrSequence {
    pub fn new() -> Self {
        Self::default()
    }

    /// `_PyInstructionSequence_NewLabel`.
    pub fn new_label(&mut self) -> Label {
        self.label_map.push(-1);
        Label(self.label_map.len() as i32 - 1)
    }

    /// `_PyInstructionSequence_UseLabel`: binds `label` to the next
    /// instruction's index.
    pub fn use_label(&mut self, label: Label) {
        let idx = label.0 as usize;
        if idx >= self.label_map.len() {
            self.label_map.resize(idx + 1, -1);
        }
        self.label_map[idx] = self.instrs.len() as i32;
    }

    /// `_PyInstructionSequence_Addop`.
    pub fn addop(&mut self, opcode: u16, oparg: i32, loc: Location) {
        self.instrs.push(Instr {
            opcode,
            oparg,
            loc,
            except_handler: ExceptHandlerInfo {
                label: -1,
                ..Default::default()
            },
        });
    }

    /// `_PyInstructionSequence_InsertInstruction`: inserts at `pos` and
    /// shifts every label bound at or after it.
    pub fn insert(&mut self, pos: usize, opcode: u16, oparg: i32, loc: Location) {
        self.instrs.insert(
            pos,
            Instr {
                opcode,
                oparg,
                loc,
                except_handler: ExceptHandlerInfo {
                    label: -1,
                    ..Default::default()
                },
            },
        );
        for target in self.label_map.iter_mut() {
            if *target >= pos as i32 {
                *target += 1;
            }
        }
    }

    /// `_PyInstructionSequence_ApplyLabelMap`: replaces the label ids in the
    /// opargs of jumps (and SETUP_* pseudo instructions) by instruction
    /// indices, then forgets the map.
    pub fn apply_label_map(&mut self) {
        for instr in &mut self.instrs {
            if crate::opcode::has_target(instr.opcode) {
                let id = instr.oparg as usize;
                instr.oparg = self.label_map.get(id).copied().unwrap_or(-1);
            }
        }
        self.label_map.clear();
    }

    /// `_PyInstructionSequence_AddNested`.
    pub fn add_nested(&mut self, nested: InstrSequence) {
        self.nested.push(nested);
    }
}
