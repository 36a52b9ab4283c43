//! The only file-system access of the library: reading files with a size limit, atomic
//! writes, loading and saving documents. A build for the web replaces this module.

use super::error::{self, FileError};
use super::{FileKind, MAX_FILE_BYTES, parse_document, preset_text, probe};
use crate::model::document::Document;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Read a file as text with a size limit; binary content is refused.
///
/// # Errors
/// Unreadable, too large, or not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let display = path.display().to_string();
    let io = |e: std::io::Error| FileError::Io {
        path: display.clone(),
        // A shipped preset opened from where it used to be says where it is now.
        message: match super::moved_preset(path) {
            Some(now) if e.kind() == std::io::ErrorKind::NotFound => {
                format!("{e}; the shipped presets moved into a folder per scenario: this one is now {now}")
            }
            _ => e.to_string(),
        },
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: display,
            limit: MAX_FILE_BYTES,
        });
    }
    text_from_bytes(&display, bytes)
}

fn text_from_bytes(path: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.contains(&0) {
        return Err(FileError::NotText {
            path: path.to_owned(),
            detail: "it contains NUL bytes".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column) = error::position(&before, before.len());
        FileError::NotText {
            path: path.to_owned(),
            detail: format!("invalid UTF-8 at line {line}, column {column}"),
        }
    })
}

/// Read and parse a scenario or preset file into a document.
///
/// # Errors
/// Anything wrong with the file or the scenario it names, located.
pub fn load_document(path: &Path) -> Result<Document, FileError> {
    load_document_and_kind(path).map(|(d, _)| d)
}

/// Like [`load_document`], also saying whether the file was a scenario or a preset.
///
/// # Errors
/// Anything wrong with the file or the scenario it names, located.
pub fn load_document_and_kind(path: &Path) -> Result<(Document, FileKind), FileError> {
    let text = read_text(path)?;
    let name = path.display().to_string();
    let (kind, _) = probe(&name, &text)?;
    Ok((parse_document(&name, &text, path.parent(), 0)?, kind))
}

/// Write a file atomically: a temporary file in the same folder, flushed to disk, then renamed
/// over the target, so a crash leaves either the old or the new file, never half of one.
///
/// # Errors
/// Any IO failure; the target is then untouched.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let display = path.display().to_string();
    let io = |e: std::io::Error| FileError::Io {
        path: display.clone(),
        // A shipped preset opened from where it used to be says where it is now.
        message: match super::moved_preset(path) {
            Some(now) if e.kind() == std::io::ErrorKind::NotFound => {
                format!("{e}; the shipped presets moved into a folder per scenario: this one is now {now}")
            }
            _ => e.to_string(),
        },
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            // Persisting the rename; not every platform can sync a directory.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Save a document as a preset file, atomically.
///
/// # Errors
/// Serialisation or IO failure.
pub fn save_document(path: &Path, doc: &Document) -> Result<(), FileError> {
    let text = preset_text(doc).map_err(|e| FileError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes())
}

/// The absolute, canonical form of a path (as given if it cannot be resolved), so that a
/// file is remembered once however it was named.
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A number that changes when the bytes of the file at `path` do, for noticing that another
/// program (or another copy of the app) changed a file since it was read or written. `None`
/// when it cannot be read. SipHash-1-3 with fixed keys, so the same bytes give the same
/// number in every run and build: it is kept between runs, and in the recovery file.
#[must_use]
pub fn fingerprint(path: &Path) -> Option<u64> {
    use std::hash::Hasher;
    let bytes = std::fs::read(path).ok()?;
    // The keys spell "motive" and "lab" in ASCII.
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0x6d6f_7469_7665, 0x006c_6162);
    h.write(&bytes);
    Some(h.finish())
}

/// Whether something exists at `path` (a save asks before replacing it).
#[must_use]
pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Make a folder and its parents (nothing if it is there).
///
/// # Errors
/// It cannot be made.
pub fn make_dir(path: &Path) -> Result<(), FileError> {
    std::fs::create_dir_all(path).map_err(|e| FileError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Remove the file at `path`; a file that is not there is not an error.
///
/// # Errors
/// It is there and cannot be removed.
pub fn remove(path: &Path) -> Result<(), FileError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(FileError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }),
        _ => Ok(()),
    }
}

/// When the file at `path` was last written, if it can be told.
#[must_use]
pub fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The presets in `folder` made for the scenario file `scenario_file` (named by its file name,
/// `scenario: Path("...")`), each with its name, sorted by name. What is read is each `.ron`
/// file's text, not its scenario: a folder of presets lists quickly. Unreadable files are left
/// out.
#[must_use]
pub fn presets_beside(scenario_file: &Path) -> Vec<(String, PathBuf)> {
    let (Some(folder), Some(name)) = (scenario_file.parent(), scenario_file.file_name()) else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let reference = format!("Path(\"{}\")", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| {
            let text = read_text(&p).ok()?;
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = top_level_name(&text).unwrap_or(stem);
            (text.contains("Preset(") && text.contains(&reference)).then_some((name, p))
        })
        .collect();
    out.sort();
    out
}

/// The top-level `name` field of a RON text, if it parses.
fn top_level_name(text: &str) -> Option<String> {
    let value: ron::Value = ron::Options::default().from_str(text).ok()?;
    let ron::Value::Map(map) = value else { return None };
    match map.get(&ron::Value::String("name".into()))? {
        ron::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

    #[test]
    fn a_fingerprint_is_the_same_number_in_every_run_and_build() {
        // It is kept between runs, so it cannot depend on the process or the compiler: SipHash-1-3
        // of the 8 bytes `Preset()` under the app's keys, worked out by a separate implementation
        // (Python, checked against the SipHash reference vector).
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("f.ron");
        std::fs::write(&path, "Preset()").expect("write");
        assert_eq!(super::fingerprint(&path), Some(9_267_283_230_250_226_775));
        std::fs::write(&path, "Preset( )").expect("write");
        assert_ne!(super::fingerprint(&path), Some(9_267_283_230_250_226_775));
        assert_eq!(super::fingerprint(&dir.path().join("missing.ron")), None);
    }
}
