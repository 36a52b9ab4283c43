//! Exports: the outcomes table and the decision matrix as CSV (the command line's CSV), and
//! the window as a PNG image taken by egui after the export window has closed.

use super::flow::Event;
use super::{JobOutput, MotiveApp};
use crate::analysis::Side;
use crate::io::report::{csv_outcomes, csv_policies};
use crate::io::{exists, write_atomic};
use crate::ui::ctx::{ExportKind, Notice, Replace};
use std::path::{Path, PathBuf};

/// A screenshot as PNG bytes.
///
/// # Errors
/// The image cannot be encoded.
fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_srgba_unmultiplied)
        .collect();
    let buffer = image::RgbaImage::from_raw(
        u32::try_from(w).map_err(|e| e.to_string())?,
        u32::try_from(h).map_err(|e| e.to_string())?,
        rgba,
    )
    .ok_or("the screenshot's size does not match its pixels")?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let bytes = png_bytes(image)?;
    write_atomic(path, &bytes).map_err(|e| e.to_string())
}

/// The codes pasted, one a line, as a file `pool --from` and the Class tab read back.
fn class_codes_text(pasted: &str) -> String {
    let mut out = String::from("# Motive Lab credence codes, one a line (motive-lab pool --from FILE)\n");
    for line in pasted.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

impl MotiveApp {
    /// Read credence codes from `path` (or a file the system's dialog picks) into the Class
    /// tab, after those already there.
    pub(super) fn read_class_codes(&mut self, path: Option<PathBuf>) {
        let Some(path) = path else {
            let dir = self.default_dir();
            let work = move || {
                let started = std::time::Instant::now();
                let picked = rfd::FileDialog::new()
                    .add_filter("Text", &["txt"])
                    .set_directory(dir)
                    .pick_file();
                JobOutput::ClassCodesPicked(picked, started.elapsed())
            };
            let failed = || JobOutput::ClassCodesPicked(None, std::time::Duration::ZERO);
            if let Err(e) = self.jobs.spawn("class-codes-dialog", work, failed) {
                self.notice = Some(Notice::error("Could not show a file dialog", vec![e]));
            }
            return;
        };
        match crate::io::read_text(&path) {
            Ok(text) => {
                let codes = &mut self.views.results.class.codes;
                if !codes.is_empty() && !codes.ends_with('\n') {
                    codes.push('\n');
                }
                codes.push_str(&text);
                self.views.results.tab = crate::ui::ctx::PlotTab::Class;
                self.notice = Some(Notice::info(format!("Read the codes in {}", path.display())));
            }
            Err(e) => self.file_error("Could not read the codes; nothing was changed", &e),
        }
    }

    /// Where an export goes by default: next to the document's file (or in the current
    /// folder), named after the preset and what is exported.
    pub(super) fn default_export_path(&self, kind: ExportKind) -> PathBuf {
        self.default_dir()
            .join(format!("{}-{}", self.file_stem(), kind.file_suffix()))
    }

    /// Export `kind` to `path`; an existing file is replaced only with `replace`. What
    /// happened, for the document flow (the window's PNG is written on the next frame, once
    /// the path window has closed; a failure then is shown in the banner).
    pub(super) fn export_to(&mut self, ctx: &egui::Context, kind: ExportKind, path: PathBuf, replace: bool) -> Event {
        if !replace && exists(&path) {
            return Event::WouldReplace(Replace {
                path,
                changed_on_disk: false,
            });
        }
        let text = match kind {
            ExportKind::WindowPng => {
                self.chrome.pending_screenshot = Some(path);
                ctx.request_repaint();
                return Event::Written;
            }
            ExportKind::ClassCodes => Ok(class_codes_text(&self.views.results.class.codes)),
            ExportKind::OutcomesCsv | ExportKind::MatrixCsv => {
                let report = match self.derived.report(Side::Live, &self.session.doc.state.settings) {
                    Ok(r) => r,
                    Err(e) => {
                        self.notice = Some(Notice::error("Nothing to export", vec![e.to_string()]));
                        return Event::WriteFailed;
                    }
                };
                let doc = &self.session.doc;
                if kind == ExportKind::OutcomesCsv {
                    csv_outcomes(doc, &report)
                } else {
                    csv_policies(doc, &report)
                }
            }
        };
        let written = text.and_then(|t| write_atomic(&path, t.as_bytes()).map_err(|e| e.to_string()));
        if self.exported(&path, written) {
            Event::Written
        } else {
            Event::WriteFailed
        }
    }

    /// Ask egui for the screenshot an export is waiting for.
    pub(super) fn take_screenshot(&mut self, ctx: &egui::Context) {
        let Some(path) = self.chrome.pending_screenshot.take() else {
            return;
        };
        let tx = self.jobs.sender();
        ctx.request_screenshot(move |image| {
            let written = write_png(&path, &image);
            tx.send(JobOutput::Exported(path, written));
        });
    }

    /// Say how an export went; whether it worked.
    pub(super) fn exported(&mut self, path: &Path, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => {
                self.notice = Some(Notice::info(format!("Exported {}", path.display())));
                true
            }
            Err(e) => {
                self.notice = Some(Notice::error("Could not export; nothing was written", vec![e]));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screenshot_encodes_as_a_png_of_its_size() {
        let image = egui::ColorImage::new([3, 2], vec![egui::Color32::from_rgb(10, 20, 30); 6]);
        let bytes = png_bytes(&image).expect("encodes");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let back = image::load_from_memory(&bytes).expect("decodes").to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(2, 1).0, [10, 20, 30, 255]);
    }
}
