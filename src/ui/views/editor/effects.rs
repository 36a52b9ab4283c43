//! The editor's baselines and effects, one outcome and horizon at a time: the baseline (its
//! value, range and note), then each effect on that cell (the hypothesis it holds under, its
//! driver, its curve as a slope or as points dragged on a small plot, its range, distribution
//! and note).

use super::fields::{choice, number, text};
use super::{EditorView, Focus, mark_if_focused, row_buttons};
use crate::model::draft::{Item, Number, ScenarioEdit, Text};
use crate::model::scenario::{Curve, Dist, Driver, Effect, Scenario};
use crate::ui::ctx::{Command, EditorShown, ViewCtx};
use crate::ui::theme;
use egui::RichText;

/// The baseline and effects of the chosen outcome and horizon.
pub(super) fn cell(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, ed: EditorShown<'_>, view: &mut EditorView, focus: Focus) {
    let s = ed.draft.scenario();
    if s.outcomes.is_empty() || s.horizons.is_empty() {
        ui.label("Add an outcome and a horizon first.");
        return;
    }
    let (o, h) = (
        view.cell.0.min(s.outcomes.len() - 1),
        view.cell.1.min(s.horizons.len() - 1),
    );
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Outcome");
        egui::ComboBox::from_id_salt("editor-effects-outcome")
            .selected_text(&s.outcomes[o].name)
            .show_index(ui, &mut view.cell.0, s.outcomes.len(), |i| s.outcomes[i].name.clone())
            .labelled_by(l.id);
        let l = ui.label("Horizon");
        egui::ComboBox::from_id_salt("editor-effects-horizon")
            .selected_text(&s.horizons[h].name)
            .show_index(ui, &mut view.cell.1, s.horizons.len(), |i| s.horizons[i].name.clone())
            .labelled_by(l.id);
    });
    let (oid, hid) = (&s.outcomes[o].id, &s.horizons[h].id);
    ui.label(RichText::new(format!("Baseline ({}, with every lever at 0)", s.outcomes[o].unit)).strong());
    if let Some(b) = s.baselines.iter().position(|b| &b.outcome == oid && &b.horizon == hid) {
        let base = &s.baselines[b];
        let r = ui
            .horizontal_wrapped(|ui| {
                number(ui, ctx, "Baseline: value", base.value, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::Value, x)
                });
                let (lo, hi) = base.range.unwrap_or((base.value, base.value));
                ui.label("range");
                number(ui, ctx, "Baseline: low", lo, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::Low, x)
                });
                number(ui, ctx, "Baseline: high", hi, |x| {
                    ScenarioEdit::Number(Item::Baseline, b, Number::High, x)
                });
                ui.label("note");
                text(ui, ctx, ("Baseline: note", true), &base.note, |t| {
                    ScenarioEdit::Text(Item::Baseline, b, Text::Note, t)
                });
            })
            .response;
        mark_if_focused(ui, &r, focus, (Item::Baseline, b));
    } else if ui.button("Add the baseline").clicked() {
        ctx.send(Command::EditScenario(ScenarioEdit::Add(Item::Baseline)));
    }
    ui.separator();
    ui.label(RichText::new("Effects").strong());
    let here: Vec<usize> = (0..s.effects.len())
        .filter(|&e| &s.effects[e].outcome == oid && &s.effects[e].horizon == hid)
        .collect();
    if here.is_empty() {
        ui.label("No effect changes this outcome at this horizon.");
    }
    for (k, &e) in here.iter().enumerate() {
        let r = ui.group(|ui| effect(ui, ctx, s, e, k + 1)).response;
        mark_if_focused(ui, &r, focus, (Item::Effect, e));
    }
    if ui.button("Add effect").clicked() {
        let e = s.effects.len();
        for edit in [
            ScenarioEdit::Add(Item::Effect),
            ScenarioEdit::Cell(Item::Effect, e, false, oid.clone()),
            ScenarioEdit::Cell(Item::Effect, e, true, hid.clone()),
        ] {
            ctx.send(Command::EditScenario(edit));
        }
    }
}

/// One effect, `k`th on its cell.
fn effect(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, s: &Scenario, e: usize, k: usize) {
    let fx = &s.effects[e];
    let name = format!("Effect {k}");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&name).strong());
        ui.label("under");
        let under: Vec<(String, Option<String>)> = std::iter::once(("every hypothesis".to_owned(), None))
            .chain(s.hypotheses.iter().map(|h| (h.name.clone(), Some(h.id.clone()))))
            .collect();
        choice(ui, ctx, &format!("{name}: under"), &fx.hypothesis, &under, |h| {
            ScenarioEdit::Under(e, h)
        });
        ui.label("driven by");
        let drivers: Vec<(String, Option<Driver>)> = (s.levers.iter())
            .map(|l| (l.name.clone(), Some(Driver::Lever(l.id.clone()))))
            .chain(s.outcomes.iter().flat_map(|o| {
                s.horizons.iter().map(move |h| {
                    (
                        format!("{}, {}", o.name, h.name),
                        Some(Driver::Outcome(o.id.clone(), h.id.clone())),
                    )
                })
            }))
            .collect();
        choice(ui, ctx, &format!("{name}: driver"), &fx.source(), &drivers, |d| {
            ScenarioEdit::Driver(e, d.unwrap_or(Driver::Lever(String::new())))
        });
        row_buttons(ui, ctx, Item::Effect, e, &name);
    });
    ui.horizontal_wrapped(|ui| {
        match &fx.curve {
            Curve::Linear(slope) => {
                ui.label("slope");
                number(ui, ctx, &format!("{name}: slope"), *slope, |x| {
                    ScenarioEdit::Curve(e, Curve::Linear(x))
                });
                if ui
                    .small_button("Use points")
                    .accessible_name(format!("{name}: use points"))
                    .on_hover_text("A curve through points you drag")
                    .clicked()
                {
                    let (lo, hi) = driver_range(s, fx);
                    let mid = f64::midpoint(lo, hi);
                    let points = vec![(lo, slope * lo), (mid, slope * mid), (hi, slope * hi)];
                    ctx.send(Command::EditScenario(ScenarioEdit::Curve(e, Curve::Points(points))));
                }
            }
            Curve::Points(points) => {
                if ui
                    .small_button("Use a slope")
                    .accessible_name(format!("{name}: use a slope"))
                    .on_hover_text("A straight line through 0 with the slope from the first to the last point")
                    .clicked()
                {
                    let slope = match (points.first(), points.last()) {
                        (Some(a), Some(b)) if b.0 != a.0 => (b.1 - a.1) / (b.0 - a.0),
                        _ => 0.0,
                    };
                    ctx.send(Command::EditScenario(ScenarioEdit::Curve(e, Curve::Linear(slope))));
                }
                if ui
                    .small_button("Add a point")
                    .accessible_name(format!("{name}: add a point"))
                    .on_hover_text("In the middle of the widest segment; right-click a point to remove it")
                    .clicked()
                {
                    ctx.send(Command::EditScenario(ScenarioEdit::Curve(
                        e,
                        Curve::Points(with_point(points)),
                    )));
                }
            }
        }
        ui.label("multiplier range");
        number(ui, ctx, &format!("{name}: low"), fx.range.0, |x| {
            ScenarioEdit::Number(Item::Effect, e, Number::Low, x)
        });
        number(ui, ctx, &format!("{name}: high"), fx.range.1, |x| {
            ScenarioEdit::Number(Item::Effect, e, Number::High, x)
        });
        let dists = [
            ("Triangular".to_owned(), Dist::Triangular),
            ("Uniform".to_owned(), Dist::Uniform),
            ("PERT".to_owned(), Dist::Pert),
            ("Log-normal".to_owned(), Dist::LogNormal),
        ];
        choice(ui, ctx, &format!("{name}: distribution"), &fx.dist, &dists, |d| {
            ScenarioEdit::Dist(e, d)
        });
    });
    if let Curve::Points(points) = &fx.curve {
        curve_plot(ui, ctx, (e, &name), points, driver_range(s, fx));
    }
    ui.horizontal(|ui| {
        ui.label("source or assumption");
        text(ui, ctx, (&format!("{name}: note"), true), &fx.note, |t| {
            ScenarioEdit::Text(Item::Effect, e, Text::Note, t)
        });
    });
}

/// The x range a curve is drawn over: the driving lever's range, or the driving outcome's
/// worst to best.
fn driver_range(s: &Scenario, fx: &Effect) -> (f64, f64) {
    let range = match fx.source() {
        Some(Driver::Lever(l) | Driver::LeverAt(l, _)) => s.levers.iter().find(|x| x.id == l).map(|l| (l.min, l.max)),
        Some(Driver::Outcome(o, _)) => s
            .outcomes
            .iter()
            .find(|x| x.id == o)
            .map(|o| (o.worst.min(o.best), o.worst.max(o.best))),
        None => None,
    };
    range.filter(|(a, b)| b > a).unwrap_or((0.0, 1.0))
}

/// A curve of points on a small plot over `range`: each point a handle dragged to a new place
/// (the curve stays sorted by x).
fn curve_plot(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (e, name): (usize, &str),
    points: &[(f64, f64)],
    range: (f64, f64),
) {
    let (w, h) = theme::EDITOR_CURVE_SIZE;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(w, h), egui::Sense::hover());
    let (x0, x1) = (
        range.0.min(points.first().map_or(range.0, |p| p.0)),
        range.1.max(points.last().map_or(range.1, |p| p.0)),
    );
    let (mut y0, mut y1) = points
        .iter()
        .fold((0.0_f64, 0.0_f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let pad = ((y1 - y0) * 0.15).max(1e-6);
    (y0, y1) = (y0 - pad, y1 + pad);
    let r = theme::EDITOR_HANDLE_RADIUS;
    let inner = rect.shrink(r * 2.0);
    let to_screen = |(x, y): (f64, f64)| {
        egui::pos2(
            inner.left() + ((x - x0) / (x1 - x0)) as f32 * inner.width(),
            inner.bottom() - ((y - y0) / (y1 - y0)) as f32 * inner.height(),
        )
    };
    let from_screen = |p: egui::Pos2| {
        let x = x0 + f64::from((p.x - inner.left()) / inner.width()) * (x1 - x0);
        let y = y0 + f64::from((inner.bottom() - p.y) / inner.height()) * (y1 - y0);
        (x.clamp(x0, x1), round3(y))
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let zero = to_screen((x0, 0.0)).y;
    if (inner.top()..=inner.bottom()).contains(&zero) {
        painter.hline(inner.x_range(), zero, egui::Stroke::new(1.0, visuals.weak_text_color()));
    }
    let line: Vec<egui::Pos2> = points.iter().map(|&p| to_screen(p)).collect();
    painter.add(egui::Shape::line(
        line.clone(),
        egui::Stroke::new(2.0, visuals.text_color()),
    ));
    for (k, (&p, at)) in points.iter().zip(&line).enumerate() {
        let id = ui.scope_id().with(("curve-point", e, k));
        let handle = egui::Rect::from_center_size(*at, egui::Vec2::splat(r * 3.0));
        let label = format!(
            "{name}: point {} ({}, {})",
            k + 1,
            crate::format::number(p.0),
            crate::format::number(p.1)
        );
        let resp = ui.interact(handle, id, egui::Sense::click_and_drag());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, &label));
        let hot = resp.hovered() || resp.dragged();
        painter.circle_filled(*at, if hot { r * 1.4 } else { r }, visuals.selection.bg_fill);
        if resp.dragged()
            && let Some(pointer) = resp.interact_pointer_pos()
        {
            ctx.send(Command::EditScenario(ScenarioEdit::Point(e, k, from_screen(pointer))));
        }
        if resp.secondary_clicked() && points.len() > 2 {
            let mut fewer = points.to_vec();
            fewer.remove(k);
            ctx.send(Command::EditScenario(ScenarioEdit::Curve(e, Curve::Points(fewer))));
        }
        resp.on_hover_text(label);
    }
    ui.label(
        RichText::new(format!(
            "x from {} to {}; drag a point to move it",
            crate::format::number(x0),
            crate::format::number(x1)
        ))
        .small(),
    );
}

/// `points` with one more, in the middle of the widest segment (on the line, so the curve is
/// unchanged until it is dragged).
fn with_point(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = points.to_vec();
    let widest = (0..points.len().saturating_sub(1))
        .max_by(|&a, &b| (points[a + 1].0 - points[a].0).total_cmp(&(points[b + 1].0 - points[b].0)));
    if let Some(k) = widest {
        let (a, b) = (points[k], points[k + 1]);
        out.insert(k + 1, (f64::midpoint(a.0, b.0), f64::midpoint(a.1, b.1)));
    }
    out
}

/// `y` to three significant figures, so that a dragged point writes a readable number.
fn round3(y: f64) -> f64 {
    if y == 0.0 || !y.is_finite() {
        return y;
    }
    let scale = 10f64.powf(2.0 - y.abs().log10().floor());
    (y * scale).round() / scale
}
