//! The same scan stored once across a cluster's hồ sơ, as the embedded ingest stores it
//! once across a run: which originals of a batch are second copies.
//!
//! In: the boxes of a batch (discovered), the originals already stored (content digest →
//! place: the coordinator's `originals` table, which the commits keep) and those open jobs
//! will store (their `claims`). Out: per hồ sơ, in discovery order, [`HoSoOriginals`]: the digests its job
//! will store (`claims`) and those stored already or coming first elsewhere (`elsewhere`,
//! which the worker reports as second copies and does not store). The embedded ingest
//! decides the same way, in the same order: what is stored first, then the run's hồ sơ as
//! discovered; a worker cannot, since it sees one hồ sơ, so the enqueuing command decides
//! for the whole batch.

use std::collections::{BTreeMap, HashMap};

use pipeline::discover::ScanBox;
use rayon::prelude::*;

/// What a hồ sơ's job stores, and what it leaves to another place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HoSoOriginals {
    /// Digest → place (`box/path`) of each content the job stores (its first file of it).
    pub claims: BTreeMap<String, String>,
    /// Digest → place of content of the hồ sơ that is stored, or comes first, elsewhere.
    pub elsewhere: BTreeMap<String, String>,
}

/// A hồ sơ's files that can be stored, with their digests: (place, digest), in its order.
#[derive(Debug, Clone)]
pub struct SurveyedHoSo {
    pub box_name: String,
    pub hoso: String,
    pub files: Vec<(String, String)>,
}

/// Hashes every file of the boxes' hồ sơ (all of them at once, in parallel), leaving out
/// the files a worker will refuse (an empty file, one whose pages cannot be counted or one
/// over `max_pages_per_file`: its run names it) and the hồ sơ discovery refused.
pub fn survey(boxes: &[&ScanBox], max_pages_per_file: u32) -> Vec<SurveyedHoSo> {
    let files: Vec<(usize, &pipeline::discover::ScanFile, &str)> = boxes
        .iter()
        .flat_map(|b| b.hoso.iter().map(move |h| (b, h)))
        .enumerate()
        .filter(|(_, (_, h))| h.rejected.is_none())
        .flat_map(|(n, (b, h))| h.files.iter().map(move |f| (n, f, b.name.as_str())))
        .collect();
    let digests: Vec<Option<String>> = files
        .par_iter()
        .map(
            |(_, f, _)| match pipeline::ingest::survey_scan(f, max_pages_per_file) {
                Ok((digest, _)) => Some(digest),
                Err(e) => {
                    tracing::debug!(path = %f.rel_path, "not hashed at enqueue: {e}");
                    None
                }
            },
        )
        .collect();
    let mut surveyed: Vec<SurveyedHoSo> = boxes
        .iter()
        .flat_map(|b| {
            b.hoso.iter().map(|h| SurveyedHoSo {
                box_name: b.name.clone(),
                hoso: h.path.clone(),
                files: Vec::new(),
            })
        })
        .collect();
    for ((n, f, box_name), digest) in files.into_iter().zip(digests) {
        if let Some(digest) = digest {
            let place = pipeline::ingest::original_place(box_name, &f.rel_path);
            surveyed[n].files.push((place, digest));
        }
    }
    surveyed
}

/// Decides for one hồ sơ, after every hồ sơ before it: a digest `known` at another place is
/// left there; the others are the hồ sơ's, and become known at its first file of them.
pub fn decide<S: std::hash::BuildHasher>(
    known: &mut HashMap<String, String, S>,
    hoso: &SurveyedHoSo,
) -> HoSoOriginals {
    let mut decided = HoSoOriginals::default();
    for (place, digest) in &hoso.files {
        if decided.claims.contains_key(digest) {
            // A second copy inside the hồ sơ: its worker finds it.
            continue;
        }
        match known.get(digest) {
            Some(first) if first != place => {
                decided.elsewhere.insert(digest.clone(), first.clone());
            }
            _ => {
                known.insert(digest.clone(), place.clone());
                decided.claims.insert(digest.clone(), place.clone());
            }
        }
    }
    decided
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hoso(files: &[(&str, &str)]) -> SurveyedHoSo {
        SurveyedHoSo {
            box_name: "hop".into(),
            hoso: "hs".into(),
            files: files
                .iter()
                .map(|(p, d)| ((*p).to_string(), (*d).to_string()))
                .collect(),
        }
    }

    #[test]
    fn the_first_place_of_a_content_keeps_it_and_later_copies_are_left_to_it() {
        let mut known = HashMap::from([("d-stored".to_string(), "hop/hs-0/x.png".to_string())]);
        let a = decide(
            &mut known,
            &hoso(&[("hop/hs-a/1.png", "d1"), ("hop/hs-a/2.png", "d-stored")]),
        );
        let b = decide(
            &mut known,
            &hoso(&[
                ("hop/hs-b/1.png", "d2"),
                ("hop/hs-b/2.png", "d1"),
                ("hop/hs-b/3.png", "d2"),
            ]),
        );
        assert_eq!(a.claims.keys().collect::<Vec<_>>(), ["d1"]);
        assert_eq!(a.elsewhere["d-stored"], "hop/hs-0/x.png");
        assert_eq!(b.claims.keys().collect::<Vec<_>>(), ["d2"]);
        assert_eq!(b.elsewhere.len(), 1, "{b:?}");
        assert_eq!(b.elsewhere["d1"], "hop/hs-a/1.png");
    }

    #[test]
    fn a_hoso_stored_before_keeps_its_own_originals() {
        // A re-ingest: the stored place is the hồ sơ's own file.
        let mut known = HashMap::from([("d1".to_string(), "hop/hs-a/1.png".to_string())]);
        let a = decide(&mut known, &hoso(&[("hop/hs-a/1.png", "d1")]));
        assert!(a.elsewhere.is_empty());
        assert_eq!(a.claims["d1"], "hop/hs-a/1.png");
    }
}
