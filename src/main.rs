//! The `pyrs` binary; see `pyrs::cli`.

fn main() {
    std::process::exit(pyrs::cli::main());
}
