//! Property tests: nothing in this module panics on any input, and what it
//! prints reads back as the same number. The exact-output checks live in the
//! python3.14 goldens (`tests/format_golden.rs`).

use num_bigint::BigInt;
use proptest::prelude::*;

use super::percent::{self, PercentArgs};
use super::{
    FormatError, float_hex, float_repr, number, parse, parse_hex_float, round, spec, text,
};

/// Spec characters; at most six of them, so widths stay below a million.
fn spec_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(
            "<>=^+- z#0123456789,_.sdfegnxXbco%é٣*"
                .chars()
                .collect::<Vec<_>>(),
        ),
        0..7,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn any_f64() -> impl Strategy<Value = f64> {
    any::<u64>().prop_map(f64::from_bits)
}

struct NoArgs;

impl PercentArgs for NoArgs {
    type Error = FormatError;
    fn is_mapping(&self) -> bool {
        true
    }
    fn key(&mut self, _: &str, _: std::ops::Range<usize>) -> Result<(), FormatError> {
        Ok(())
    }
    fn star_width(&mut self) -> Result<i64, FormatError> {
        Ok(-7)
    }
    fn star_precision(&mut self) -> Result<i32, FormatError> {
        Ok(3)
    }
}

proptest! {
    // Keep the source tree clean: no regression files.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn format_never_panics(s in spec_text(), i in any::<i64>(), big in any::<u128>(), x in any_f64(), y in any_f64(), t in ".{0,8}") {
        if let Ok(spec) = spec::parse(&s) {
            let _ = number::format_int(&BigInt::from(i), &spec);
            let _ = number::format_int(&(BigInt::from(big) << 70u32), &spec);
            let _ = number::format_float(x, &spec);
            let _ = number::format_complex(x, y, &spec);
            let _ = text::format_str(&t, &spec);
        }
    }

    #[test]
    fn percent_never_panics(f in "%[()a-]{0,3}[-+ #0]{0,3}[0-9*]{0,3}[.]?[0-9*]{0,2}[hlL]?[a-zA-Z%é]?", i in any::<i64>(), x in any_f64()) {
        if let Ok((spec, _)) = percent::parse_spec_with(&f, 1, &mut NoArgs) {
            let _ = percent::format_int(&BigInt::from(i), &spec);
            let _ = percent::format_float(x, &spec);
            let _ = percent::pad_str("text", &spec);
            let _ = percent::unsupported(&f, &spec);
        }
        let _ = percent::parse_spec(&f, 1);
    }

    #[test]
    fn repr_round_trips(x in any_f64()) {
        prop_assume!(!x.is_nan());
        let r = float_repr::repr(x);
        prop_assert_eq!(parse::parse_float(&r).map(f64::to_bits), Some(x.to_bits()));
        prop_assert_eq!(parse_hex_float(&float_hex(x)).map(f64::to_bits), Ok(x.to_bits()));
    }

    #[test]
    fn parsers_never_panic(s in "[ 0-9a-zA-Z_+\\-.٣\u{3000}]{0,20}", base in 0u32..40, n in -400i64..400, x in any_f64()) {
        let _ = parse::parse_float(&s);
        let _ = parse::parse_int(&s, base);
        let _ = parse_hex_float(&s);
        let _ = round::round_float(x, n);
        let _ = round::round_int(&(BigInt::from(n) * 12345), n);
    }
}
