//! The object's events (`metadata/events.json`): what was done to the hồ sơ, PREMIS-style.
//!
//! In: the kind of event, when, by whom, with what outcome and details. Out: the stored
//! [`Event`]; its type and outcome are enums stored as the strings written since the first
//! archive (`ingestion`, `success`, …).

use serde::{Deserialize, Serialize};

/// A PREMIS-style event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "event_type")]
    pub event_type: EventType,
    /// RFC 3339, UTC, whole seconds.
    #[serde(rename = "time")]
    pub time: String,
    /// Who or what did it: the actor, the OCR engine, the classifier.
    #[serde(rename = "agent")]
    pub agent: String,
    #[serde(rename = "outcome")]
    pub outcome: EventOutcome,
    /// Event-specific facts (pages, models, the documents found, the fields changed).
    #[serde(rename = "detail", default)]
    pub detail: serde_json::Value,
}

/// What an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventType {
    /// The hồ sơ was ingested (a new object or a new version).
    #[serde(rename = "ingestion")]
    Ingestion,
    /// Pages were recognised.
    #[serde(rename = "ocr")]
    Ocr,
    /// The hồ sơ was split into documents and catalogued.
    #[serde(rename = "classification")]
    Classification,
    /// A classified document was admitted under an approval reference.
    #[serde(rename = "approval")]
    Approval,
    /// An archivist corrected catalog fields (`sohoa edit`).
    #[serde(rename = "metadata-edit")]
    MetadataEdit,
    /// An archivist corrected the split of the hồ sơ into documents (a page boundary
    /// moved, a document split in two or merged into the one before).
    #[serde(rename = "split-correction")]
    SplitCorrection,
}

/// How an event ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventOutcome {
    #[serde(rename = "success")]
    Success,
    /// A classified document admitted as Mật, chế độ sử dụng 03 (an approval event).
    #[serde(rename = "admitted as Mật (chế độ sử dụng 03)")]
    AdmittedAsMat,
}
