//! Scenarios and presets built into the binary, so the app runs with no files around it.

/// A file shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct ShippedFile {
    /// Id (scenario id, or preset file stem).
    pub id: &'static str,
    /// File name as in the repository.
    pub file_name: &'static str,
    /// The scenario it is for (a scenario: its own id).
    pub scenario: &'static str,
    /// The RON text.
    pub text: &'static str,
}

impl ShippedFile {
    /// The `name` field of a preset's text, for menus, without parsing the whole file; the id
    /// if there is none.
    #[must_use]
    pub fn name(&self) -> String {
        self.field("name").unwrap_or_else(|| self.id.to_owned())
    }

    /// A top-level string field of the text (`title`, `summary`...) as written on one line,
    /// without parsing the whole file (escapes are not read: for menus only).
    #[must_use]
    pub fn field(&self, key: &str) -> Option<String> {
        let start = format!("{key}: \"");
        self.text
            .lines()
            .find_map(|l| l.trim().strip_prefix(start.as_str()).and_then(|r| r.split('"').next()))
            .map(str::to_owned)
    }
}

/// Shipped scenarios; the first is the default.
pub const SHIPPED_SCENARIOS: &[ShippedFile] = &[
    ShippedFile {
        id: "paris-2015",
        file_name: "paris-2015.ron",
        scenario: "paris-2015",
        text: include_str!("../../assets/scenarios/paris-2015.ron"),
    },
    ShippedFile {
        id: "sept-11-2001",
        file_name: "sept-11-2001.ron",
        scenario: "sept-11-2001",
        text: include_str!("../../assets/scenarios/sept-11-2001.ron"),
    },
    ShippedFile {
        id: "madrid-2004",
        file_name: "madrid-2004.ron",
        scenario: "madrid-2004",
        text: include_str!("../../assets/scenarios/madrid-2004.ron"),
    },
];

macro_rules! preset {
    ($scenario:literal, $id:literal) => {
        ShippedFile {
            id: $id,
            file_name: concat!($id, ".ron"),
            scenario: $scenario,
            text: include_str!(concat!("../../presets/", $scenario, "/", $id, ".ron")),
        }
    };
}

/// Shipped presets, each in `presets/<scenario>/`; per scenario, in the order classroom mode
/// steps through them.
pub const SHIPPED_PRESETS: &[ShippedFile] = &[
    preset!("paris-2015", "disengage"),
    preset!("paris-2015", "middle-course"),
    preset!("paris-2015", "article-5-invasion"),
    preset!("paris-2015", "homeland-first"),
    preset!("paris-2015", "pitiless-air-surge"),
    preset!("paris-2015", "fortress-at-home"),
    preset!("paris-2015", "safety-at-home-first"),
    preset!("paris-2015", "france-2015"),
    preset!("paris-2015", "coalition-2016"),
    preset!("paris-2015", "hunt-the-planners"),
    preset!("paris-2015", "values-western-security-first"),
    preset!("paris-2015", "values-every-life-the-same"),
    preset!("paris-2015", "values-statistical-life"),
    preset!("paris-2015", "values-attacks-and-deaths-only"),
    preset!("sept-11-2001", "pre-9-11-course"),
    preset!("sept-11-2001", "as-taken"),
    preset!("sept-11-2001", "hope-a-withdrawal"),
    preset!("sept-11-2001", "hope-b-invasion"),
    preset!("sept-11-2001", "light-footprint-throughout"),
    preset!("sept-11-2001", "as-taken-without-iraq"),
    preset!("sept-11-2001", "tora-bora-then-the-law"),
    preset!("sept-11-2001", "strike-and-leave"),
    preset!("sept-11-2001", "strike-and-leave-lean"),
    preset!("sept-11-2001", "values-western-lives-first"),
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
    ($scenario:literal, $id:literal) => {
        ShippedFile {
            id: $id,
            file_name: concat!($id, ".ron"),
            scenario: $scenario,
            text: include_str!(concat!("../../lessons/", $id, ".ron")),
        }
    };
}

/// Shipped lessons, in the order the Lessons menu lists them.
pub const SHIPPED_LESSONS: &[ShippedFile] = &[
    lesson!("paris-2015", "paris-does-the-motive-matter"),
    lesson!("sept-11-2001", "sept-11-what-they-wanted"),
];

/// The indices in [`SHIPPED_PRESETS`] of the presets for scenario `id`, in order.
#[must_use]
pub fn presets_for(id: &str) -> Vec<usize> {
    (SHIPPED_PRESETS.iter().enumerate())
        .filter(|(_, p)| p.scenario == id)
        .map(|(i, _)| i)
        .collect()
}

/// Where a shipped preset that used to lie in `presets/` lies now, if `path` names one there:
/// `presets/<scenario>/<file>`.
#[must_use]
pub fn moved_preset(path: &std::path::Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let parent = path.parent()?.file_name()?.to_str()?;
    (parent == "presets")
        .then(|| SHIPPED_PRESETS.iter().find(|p| p.file_name == name))
        .flatten()
        .map(|p| format!("presets/{}/{}", p.scenario, p.file_name))
}
