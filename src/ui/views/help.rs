//! The documents a packaged user needs, shipped inside the app and shown in a window: the file
//! format with its exact mathematics, and the command line.

use crate::ui::ctx::{View, ViewCtx};
use egui::RichText;

/// A document shipped with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// `docs/file-format.md`: scenario and preset files and the mathematics.
    FileFormat,
    /// `docs/cli.md`: the analyst command line.
    CommandLine,
}

impl Doc {
    /// The window title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::FileFormat => "The file format and the mathematics",
            Self::CommandLine => "The command line",
        }
    }

    /// The Markdown text.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            Self::FileFormat => include_str!("../../../docs/file-format.md"),
            Self::CommandLine => include_str!("../../../docs/cli.md"),
        }
    }
}

/// The help window; shows one document or nothing.
#[derive(Debug, Default)]
pub struct HelpView {
    /// The document shown, if any.
    pub open: Option<Doc>,
}

impl View for HelpView {
    fn ui(&mut self, ui: &mut egui::Ui, _ctx: &mut ViewCtx<'_>) {
        let Some(doc) = self.open else { return };
        let mut open = true;
        egui::Window::new(doc.title())
            .open(&mut open)
            .default_size([720.0, 560.0])
            .vscroll(true)
            .show(ui.ctx(), |ui| markdown(ui, doc.text()));
        if !open {
            self.open = None;
        }
    }
}

/// Just enough Markdown for the shipped documents: headings, code blocks, paragraphs.
fn markdown(ui: &mut egui::Ui, text: &str) {
    let mut code: Option<Vec<&str>> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |ui: &mut egui::Ui, p: &mut Vec<&str>| {
        if !p.is_empty() {
            ui.label(p.join(" "));
            p.clear();
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            flush(ui, &mut paragraph);
            match code.take() {
                Some(lines) => {
                    ui.label(RichText::new(lines.join("\n")).monospace());
                }
                None => code = Some(Vec::new()),
            }
            continue;
        }
        if let Some(lines) = code.as_mut() {
            lines.push(line);
            continue;
        }
        if let Some(h) = line.strip_prefix('#') {
            flush(ui, &mut paragraph);
            ui.add_space(6.0);
            ui.label(RichText::new(h.trim_start_matches('#').trim()).strong().heading());
        } else if line.trim().is_empty() {
            flush(ui, &mut paragraph);
        } else if line.starts_with("- ") || line.starts_with("| ") || line.starts_with(|c: char| c.is_ascii_digit()) {
            flush(ui, &mut paragraph);
            paragraph.push(line);
        } else {
            paragraph.push(line.trim());
        }
    }
    flush(ui, &mut paragraph);
    if let Some(lines) = code {
        ui.label(RichText::new(lines.join("\n")).monospace());
    }
}
