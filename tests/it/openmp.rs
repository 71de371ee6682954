//! The binary re-executes itself with `OMP_THREAD_LIMIT=1`, so libgomp (loaded with
//! libtesseract before `main`) really runs single-threaded, whatever the caller set.

use crate::common::*;

fn loaded_limit(env: Option<&str>) -> serde_json::Value {
    let mut c = sohoa();
    c.args(["info", "--json"]);
    match env {
        Some(v) => c.env("OMP_THREAD_LIMIT", v),
        None => c.env_remove("OMP_THREAD_LIMIT"),
    };
    c.env_remove("SOHOA_REEXECUTED");
    let out = c.output().unwrap();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    json(&out)
}

#[test]
fn openmp_runs_single_threaded_whatever_the_environment() {
    for env in [None, Some("8")] {
        let info = loaded_limit(env);
        assert_eq!(
            info["omp_thread_limit"], 1,
            "caller's OMP_THREAD_LIMIT={env:?}: {info}"
        );
        assert_eq!(info["omp_thread_limit_env"], "1");
    }
}

#[test]
fn info_names_the_models_with_digests() {
    let info = loaded_limit(None);
    let models = info["models"].as_array().unwrap();
    assert!(models
        .iter()
        .any(|m| m["name"] == "vie" && m["sha256"].as_str().unwrap().len() == 64));
    // The model that reads số ký hiệu lines a second time is named too.
    assert!(models.iter().any(|m| m["name"] == "eng"));
    assert!(info["tesseract"].as_str().unwrap().starts_with('5'));
}
