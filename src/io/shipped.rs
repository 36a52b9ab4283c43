//! Scenarios and presets built into the binary, so the app runs with no files around it.

/// A file shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct ShippedFile {
    /// Id (scenario id, or preset file stem).
    pub id: &'static str,
    /// File name as in the repository.
    pub file_name: &'static str,
    /// The RON text.
    pub text: &'static str,
}

impl ShippedFile {
    /// The `name` field of a preset's text, for menus, without parsing the whole file; the id
    /// if there is none.
    #[must_use]
    pub fn name(&self) -> String {
        self.text
            .lines()
            .find_map(|l| l.trim().strip_prefix("name: \"").and_then(|r| r.split('"').next()))
            .map_or_else(|| self.id.to_owned(), str::to_owned)
    }
}

/// Shipped scenarios; the first is the default.
pub const SHIPPED_SCENARIOS: &[ShippedFile] = &[ShippedFile {
    id: "paris-2015",
    file_name: "paris-2015.ron",
    text: include_str!("../../assets/scenarios/paris-2015.ron"),
}];

macro_rules! preset {
    ($id:literal) => {
        ShippedFile {
            id: $id,
            file_name: concat!($id, ".ron"),
            text: include_str!(concat!("../../presets/", $id, ".ron")),
        }
    };
}

/// Shipped presets, in the order classroom mode steps through them.
pub const SHIPPED_PRESETS: &[ShippedFile] = &[
    preset!("disengage"),
    preset!("middle-course"),
    preset!("article-5-invasion"),
    preset!("homeland-first"),
    preset!("pitiless-air-surge"),
    preset!("fortress-at-home"),
    preset!("safety-at-home-first"),
    preset!("france-2015"),
    preset!("coalition-2016"),
    preset!("hunt-the-planners"),
    preset!("values-western-security-first"),
    preset!("values-every-life-the-same"),
    preset!("values-statistical-life"),
    preset!("values-attacks-and-deaths-only"),
];

/// The text of a shipped scenario by id.
#[must_use]
pub fn shipped_scenario_text(id: &str) -> Option<&'static str> {
    SHIPPED_SCENARIOS.iter().find(|s| s.id == id).map(|s| s.text)
}

/// The shipped presets' names, in [`SHIPPED_PRESETS`] order (read once).
#[must_use]
pub fn preset_names() -> &'static [String] {
    static NAMES: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| SHIPPED_PRESETS.iter().map(ShippedFile::name).collect());
    &NAMES
}

macro_rules! lesson {
    ($id:literal) => {
        ShippedFile {
            id: $id,
            file_name: concat!($id, ".ron"),
            text: include_str!(concat!("../../lessons/", $id, ".ron")),
        }
    };
}

/// Shipped lessons, in the order the Lessons menu lists them.
pub const SHIPPED_LESSONS: &[ShippedFile] = &[lesson!("paris-does-the-motive-matter")];
