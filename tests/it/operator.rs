//! The CLI acts as a principal: the account named by `--user` / `SOHOA_USER` (its roles and
//! its clearance as of today), else the uncleared local operator; `--clearance` is no
//! longer a free pass. Real archive (real OCR), real accounts database, the real binary.

use crate::common::{cleared, code, json, run, sohoa, user_add};
use crate::reading_room::archive_with_a_mat_document;

/// The exit code and stderr of a command, with `id` written as `ID`.
fn answer(out: &std::process::Output, id: &str) -> (i32, String) {
    (
        code(out),
        String::from_utf8_lossy(&out.stderr).replace(id, "ID"),
    )
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn listed(archive: &std::path::Path, user: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(user);
    let out = run(archive, &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    json(&out)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_cli_reads_as_the_named_account_and_clearance_is_no_free_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open, secret) = archive_with_a_mat_document(
        tmp.path(),
        &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")],
    );
    let unknown = "01KNOWNTONOONE00000000000";
    let add = |name: &str, role: &str, clearance: Option<(&str, &str)>| {
        let out = user_add(&archive, name, role, clearance);
        assert!(out.status.success(), "user add {name}: {}", stderr(&out));
    };
    add("doc-gia", "reader", None);
    add("het-han", "reader", Some(("mat", "2020-01-01")));
    add("can-bo", "reader", Some(("mat", "2099-12-31")));
    add("luu-tru", "archivist", None);
    add("kiem-tra", "auditor", None);

    // --clearance on its own word: refused (exit 2), saying how to get a cleared account.
    let out = run(&archive, &["show", &secret, "--clearance", "mat"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("deprecated") && said.contains("--user") && said.contains("sohoa user add"),
        "{said}"
    );
    assert!(out.stdout.is_empty());

    // Without clearance (the local operator, an uncleared account, an expired clearance)
    // the Mật document answers like an unknown id and is not listed.
    let show_unknown = run(&archive, &["show", unknown]);
    for user in [&[][..], &["--user", "doc-gia"], &["--user", "het-han"]] {
        let mut args = vec!["show", secret.as_str()];
        args.extend_from_slice(user);
        let hidden = run(&archive, &args);
        assert_eq!(
            answer(&hidden, &secret),
            answer(&show_unknown, unknown),
            "{user:?}"
        );
        let list = listed(&archive, user);
        assert!(list.contains(&open) && !list.contains(&secret), "{user:?}");
    }
    // An uncleared or expired account may not state a clearance either.
    let out = run(
        &archive,
        &["show", &secret, "--user", "doc-gia", "--clearance", "mat"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("holds no clearance"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &archive,
        &["show", &secret, "--user", "het-han", "--clearance", "mat"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("ended on 2020-01-01"),
        "{}",
        stderr(&out)
    );

    // The cleared account reads it, by --user or SOHOA_USER; --clearance may narrow its
    // clearance (with a deprecation warning), never raise it.
    assert!(listed(&archive, &["--user", "can-bo"]).contains(&secret));
    let out = run(&archive, &["show", &secret, "--user", "can-bo"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = sohoa()
        .env("SOHOA_USER", "can-bo")
        .args(["show", &secret, "--archive"])
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run(
        &archive,
        &["show", &secret, "--user", "can-bo", "--clearance", "mat"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("deprecated"), "{}", stderr(&out));
    let out = run(
        &archive,
        &[
            "show",
            &secret,
            "--user",
            "can-bo",
            "--clearance",
            "toi-mat",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("it holds mat"), "{}", stderr(&out));

    // Unknown and disabled accounts are refused, naming the problem.
    let out = run(&archive, &["list", "--user", "khong-co-ai"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--user khong-co-ai: no such account"),
        "{}",
        stderr(&out)
    );
    let out = run(&archive, &["user", "disable", "het-han"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run(&archive, &["list", "--user", "het-han"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("disabled"), "{}", stderr(&out));
    // --actor does not rename an account.
    let out = run(
        &archive,
        &["verify", "--user", "kiem-tra", "--actor", "ai-do"],
    );
    assert_eq!(code(&out), 2);

    // The account's roles decide: a reader may not correct records or read the audit log.
    let edit = [
        "edit",
        &open,
        "--set",
        "trich_yeu=Về công tác văn thư",
        "--user",
    ];
    let out = run(&archive, &[&edit[..], &["doc-gia"]].concat());
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("lưu trữ viên"), "{}", stderr(&out));
    let out = run(&archive, &["audit", "log", "--user", "doc-gia"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("kiểm tra viên"), "{}", stderr(&out));
    // An archivist's correction and an auditor's verification are recorded as theirs.
    let out = run(&archive, &[&edit[..], &["luu-tru"]].concat());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run(&archive, &["verify", "--user", "kiem-tra"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let auditor = cleared(&archive, "auditor", "mat");
    let log = json(&run(
        &archive,
        &["audit", "log", "--json", "--user", &auditor],
    ));
    let entries = log["entries"].as_array().unwrap();
    let by = |action: &str| -> Vec<&str> {
        entries
            .iter()
            .filter(|e| e["action"] == action)
            .map(|e| e["actor"].as_str().unwrap())
            .collect()
    };
    assert_eq!(by("edit").last(), Some(&"luu-tru"), "{log:#}");
    assert_eq!(by("verify").last(), Some(&"kiem-tra"), "{log:#}");
    // Every read of the Mật document names the account that read it.
    let reads = by("read-mat");
    assert!(
        !reads.is_empty() && reads.iter().all(|a| *a == "can-bo"),
        "{reads:?}"
    );
    // Changes to accounts are recorded too, naming who made them.
    let out = run(
        &archive,
        &["user", "reset-password", "doc-gia", "--user", "kiem-tra"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The local operator (no account) keeps the archivist's and auditor's roles.
    let out = run(&archive, &["audit", "log", "--json", "--action", "account"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let changes: Vec<(String, String, String)> = json(&out)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let field = |v: &serde_json::Value| v.as_str().unwrap().to_string();
            (
                field(&e["actor"]),
                field(&e["detail"]["account"]),
                field(&e["detail"]["change"]),
            )
        })
        .collect();
    assert!(
        changes
            .iter()
            .any(|(_, account, change)| account == "can-bo"
                && change
                    == "added (độc giả); clearance mat by decision 12/QĐ-VPTU until 2099-12-31"),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|(_, account, change)| account == "het-han" && change == "disabled"),
        "{changes:?}"
    );
    assert_eq!(
        changes.last().unwrap(),
        &(
            "kiem-tra".to_string(),
            "doc-gia".to_string(),
            "password reset, sessions ended".to_string()
        )
    );
}
