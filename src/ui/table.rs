//! A table whose header row and first column stay in view: the first column is a table of its
//! own, the other columns a second table in a sideways scroll area, and the two scroll up and
//! down together. Wide tables (a column per hypothesis) keep their row names and column names
//! readable at any scroll position.

use egui::scroll_area::ScrollBarVisibility;
use egui_extras::{Column, TableBuilder};

/// Least gap between two columns.
const MIN_COLUMN_GAP: f32 = 8.0;
/// Most of the table's width the frozen first column takes; longer names are cut (whole on
/// hover), so that the other columns keep room and nothing widens the area around the table.
const FIRST_COLUMN_SHARE: f32 = 0.5;
/// Least width of the first column, however narrow the table.
const MIN_FIRST_COLUMN: f32 = 120.0;

/// Which cell to draw: `row` is `None` for the header row; `column` 0 is the first column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The body row, or `None` for the header.
    pub row: Option<usize>,
    /// The column, 0 for the first (frozen) one.
    pub column: usize,
}

/// A table with a frozen header row and first column.
#[derive(Debug, Clone, Copy)]
pub struct FrozenTable<'a> {
    id: &'a str,
    columns: usize,
    rows: usize,
    row_height: f32,
    max_height: f32,
}

impl<'a> FrozenTable<'a> {
    /// A table of `columns` columns (the first frozen) and `rows` body rows.
    #[must_use]
    pub fn new(id: &'a str, columns: usize, rows: usize) -> Self {
        Self {
            id,
            columns,
            rows,
            row_height: 0.0,
            max_height: f32::INFINITY,
        }
    }

    /// Height of every row, header included (by default the interactive size plus a margin).
    #[must_use]
    pub fn row_height(mut self, height: f32) -> Self {
        self.row_height = height;
        self
    }

    /// Most height of the body before it scrolls up and down (the header stays above it).
    #[must_use]
    pub fn max_height(mut self, height: f32) -> Self {
        self.max_height = height;
        self
    }

    /// One of the two tables, scrolled to `offset`.
    fn builder<'u>(
        &self,
        ui: &'u mut egui::Ui,
        salt: &str,
        bar: ScrollBarVisibility,
        (columns, widest): (usize, f32),
        offset: f32,
    ) -> TableBuilder<'u> {
        TableBuilder::new(ui)
            .id_salt((self.id, salt))
            .striped(true)
            .columns(Column::auto().at_most(widest).clip(true), columns)
            .vertical_scroll_offset(offset)
            .max_scroll_height(self.max_height)
            .min_scrolled_height(0.0)
            .scroll_bar_visibility(bar)
            .animate_scrolling(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
    }

    /// Draw the table, asking `cell` for each cell's contents.
    pub fn show(self, ui: &mut egui::Ui, mut cell: impl FnMut(&mut egui::Ui, Cell)) {
        let row_height = if self.row_height > 0.0 {
            self.row_height
        } else {
            ui.spacing().interact_size.y + ui.spacing().item_spacing.y
        };
        let offset_id = ui.scope_id().with(self.id).with("vertical-offset");
        let offset: f32 = ui.data(|d| d.get_temp(offset_id)).unwrap_or(0.0);
        let rows = self.rows;
        let gap = ui.spacing().item_spacing.x.max(MIN_COLUMN_GAP);
        // Cells never wrap: a column is as wide as its widest cell, but the first is cut at
        // its share of the width.
        let first_widest = (ui.available_width() * FIRST_COLUMN_SHARE).max(MIN_FIRST_COLUMN);
        let mut cell = |ui: &mut egui::Ui, at: Cell| {
            ui.style_mut().wrap_mode = Some(if at.column == 0 {
                egui::TextWrapMode::Truncate
            } else {
                egui::TextWrapMode::Extend
            });
            cell(ui, at);
        };
        let columns = self.columns;
        let (first, rest) = ui
            .horizontal_top(|ui| {
                // The gap between columns, and between the two tables.
                ui.spacing_mut().item_spacing.x = gap;
                // Each table in a column of its own: a table lays out its header and body
                // one after the other in the direction of the ui it is given.
                let first = ui
                    .vertical(|ui| {
                        let table = self.builder(
                            ui,
                            "first",
                            ScrollBarVisibility::AlwaysHidden,
                            (1, first_widest),
                            offset,
                        );
                        fill(table, row_height, rows, 0..1, &mut cell)
                    })
                    .inner;
                let rest = egui::ScrollArea::horizontal()
                    .id_salt((self.id, "sideways"))
                    .show(ui, |ui| {
                        ui.vertical(|ui| {
                            let bar = ScrollBarVisibility::VisibleWhenNeeded;
                            let table =
                                self.builder(ui, "rest", bar, (columns.saturating_sub(1), f32::INFINITY), offset);
                            fill(table, row_height, rows, 1..columns, &mut cell)
                        })
                        .inner
                    });
                (first.state.clamped_offset().y, rest.inner.state.clamped_offset().y)
            })
            .inner;
        // Whichever part was scrolled this frame sets where both are next frame.
        let next = if (first - offset).abs() > f32::EPSILON {
            first
        } else {
            rest
        };
        if (next - offset).abs() > f32::EPSILON {
            ui.data_mut(|d| d.insert_temp(offset_id, next));
            ui.ctx().request_repaint();
        }
    }
}

/// Add the header and `rows` body rows of `columns` to `table`.
fn fill(
    table: TableBuilder<'_>,
    row_height: f32,
    rows: usize,
    columns: std::ops::Range<usize>,
    cell: &mut impl FnMut(&mut egui::Ui, Cell),
) -> egui::scroll_area::ScrollAreaOutput<()> {
    table
        .header(row_height, |mut row| {
            for column in columns.clone() {
                row.col(|ui| cell(ui, Cell { row: None, column }));
            }
        })
        .body(|body| {
            body.rows(row_height, rows, |mut row| {
                let r = Some(row.index());
                for column in columns.clone() {
                    row.col(|ui| cell(ui, Cell { row: r, column }));
                }
            });
        })
}
