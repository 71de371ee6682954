//! `sohoa request …`: reading requests (phiếu yêu cầu đọc / sao) for scripts and the
//! operator: list them, show one, decide one, route one to the approvers, revoke a grant.
//!
//! In: the archive, the account acting (`--user NAME`: deciding, routing and revoking need
//! the approver role — routing also the archivist's —, listing others' requests the
//! approver or auditor role), a request or grant id and what is decided. Out: the requests
//! (with their items, decision and grant) or the grant changed, each change in the audit
//! log. Grants past their last day are recorded as expired first (`grant-expire`). The work
//! is `server::requests`' (the same as the reading room's).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde::Serialize;
use server::accounts::{Accounts, GrantRecord, ReadingRequest, RequestFilter, RequestState};
use server::requests::{NewDecision, Requests};

use super::{ArchiveArg, ClearanceArg, Context, Execute, Run};
use crate::cli::UsageError;
use crate::output::{CommandOutput, Format};

/// `sohoa request …`.
#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// List requests: your own (--mine), or, for approvers and auditors, by requester,
    /// document, approver or state.
    List(ListArgs),
    /// Show one request with its items, decision and grant.
    Show(ShowArgs),
    /// Decide a request (approvers; never your own, nor one you routed).
    Decide(DecideArgs),
    /// Route a pending request to the approvers (archivists and approvers); you may then
    /// not decide it.
    Route(ShowArgs),
    /// Revoke an active grant (approvers).
    Revoke(RevokeArgs),
}

impl Execute for RequestCommand {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        match self {
            RequestCommand::List(a) => a.execute(ctx),
            RequestCommand::Show(a) => a.execute(ctx),
            RequestCommand::Decide(a) => a.execute(ctx),
            RequestCommand::Route(a) => Route(a).execute(ctx),
            RequestCommand::Revoke(a) => a.execute(ctx),
        }
    }
}

/// The archive, its accounts and who acts; expired grants recorded first.
struct Session {
    archive: pipeline::store::Archive,
    accounts: Accounts,
    who: pipeline::gate::Principal,
}

impl Session {
    fn open(archive: &ArchiveArg, ctx: &Context) -> anyhow::Result<Session> {
        let opened = archive.open()?;
        let who = ctx.principal(&opened.root, None, ClearanceArg::default())?;
        let accounts = crate::storage_env::open_accounts(&archive.archive)?;
        let session = Session {
            archive: opened,
            accounts,
            who,
        };
        if let Err(e) = session.requests().record_expiries(session.who.actor()) {
            tracing::warn!("expired grants not recorded: {e}");
        }
        Ok(session)
    }

    fn requests(&self) -> Requests<'_> {
        Requests::new(&self.archive, &self.accounts)
    }
}

/// A field the operator got wrong is a usage error (exit 2).
fn usage(e: server::Error) -> anyhow::Error {
    match e {
        server::Error::Invalid { .. } => UsageError(e.to_string()).into(),
        other => other.into(),
    }
}

/// `sohoa request list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Only the acting account's own requests.
    #[arg(long)]
    mine: bool,
    /// Only requests by this account.
    #[arg(long, value_name = "NAME")]
    requester: Option<String>,
    /// Only requests naming this document id.
    #[arg(long, value_name = "ID")]
    document: Option<String>,
    /// Only requests decided by this account.
    #[arg(long, value_name = "NAME")]
    approver: Option<String>,
    /// Only requests in this state.
    #[arg(long, value_enum)]
    state: Option<StateArg>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum StateArg {
    Pending,
    Approved,
    Refused,
}

/// What `sohoa request list` prints.
#[derive(Debug, Serialize)]
pub struct RequestList {
    pub requests: Vec<ReadingRequest>,
}

impl Run for ListArgs {
    type Output = RequestList;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<RequestList> {
        let session = Session::open(&self.archive, ctx)?;
        let requests = if self.mine {
            session.requests().mine(&session.who)?
        } else {
            let filter = RequestFilter {
                requester: self.requester,
                document: self.document,
                approver: self.approver,
                state: self.state.map(|s| match s {
                    StateArg::Pending => RequestState::Pending,
                    StateArg::Approved => RequestState::Approved,
                    StateArg::Refused => RequestState::Refused,
                }),
            };
            session.requests().list(&session.who, &filter)?
        };
        Ok(RequestList { requests })
    }
}

fn write_request(out: &mut dyn Write, r: &ReadingRequest) -> io::Result<()> {
    writeln!(
        out,
        "{:>5}  {}  {:<20} {:<5} due {}  {}{}",
        r.id,
        r.submitted,
        r.requester,
        r.form.key(),
        r.due,
        r.state.key(),
        if r.priority { "  priority" } else { "" }
    )?;
    writeln!(out, "       purpose: {}", r.purpose)?;
    for i in &r.items {
        writeln!(
            out,
            "       - {}  {}  {}  ({})",
            i.document, i.symbol, i.title, i.regime
        )?;
    }
    if let Some(d) = &r.decision {
        writeln!(
            out,
            "       decided {} by {}: {:?} — {}",
            d.decided, d.approver, d.outcome, d.reason
        )?;
    }
    if let Some(g) = &r.grant {
        write_grant(out, g)?;
    }
    Ok(())
}

fn write_grant(out: &mut dyn Write, g: &GrantRecord) -> io::Result<()> {
    writeln!(
        out,
        "       grant {} to {}: {} of {} documents until {} — {:?}",
        g.id,
        g.user,
        g.form.key(),
        g.documents.len(),
        g.expires,
        g.state
    )
}

impl CommandOutput for RequestList {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        for r in &self.requests {
            write_request(out, r)?;
        }
        Ok(())
    }

    fn notes(&self, err: &mut dyn Write) -> io::Result<()> {
        writeln!(err, "{} requests", self.requests.len())
    }
}

/// `sohoa request show ID` (and `route ID`).
#[derive(Debug, Args)]
pub struct ShowArgs {
    id: i64,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// One request.
#[derive(Debug, Serialize)]
pub struct RequestShown {
    #[serde(flatten)]
    pub request: ReadingRequest,
}

impl CommandOutput for RequestShown {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        write_request(out, &self.request)
    }
}

impl Run for ShowArgs {
    type Output = RequestShown;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<RequestShown> {
        let session = Session::open(&self.archive, ctx)?;
        let request = session.requests().show(&session.who, self.id)?;
        Ok(RequestShown { request })
    }
}

/// `sohoa request route ID`.
pub struct Route(ShowArgs);

impl Run for Route {
    type Output = RequestShown;

    fn format(&self) -> Format {
        Format::json_if(self.0.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<RequestShown> {
        let session = Session::open(&self.0.archive, ctx)?;
        let request = session
            .requests()
            .route(&session.who, self.0.id)
            .map_err(usage)?;
        Ok(RequestShown { request })
    }
}

/// `sohoa request decide ID`.
#[derive(Debug, Args)]
pub struct DecideArgs {
    id: i64,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Approve: a grant of the documents (--documents, else all asked for) until --expires.
    #[arg(long, conflicts_with = "refuse", required_unless_present = "refuse")]
    approve: bool,
    /// Refuse (--reason is then mandatory).
    #[arg(long)]
    refuse: bool,
    /// Why.
    #[arg(long, value_name = "TEXT", default_value = "")]
    reason: String,
    /// The documents granted, comma-separated (fewer than asked for is allowed).
    #[arg(long, value_name = "ID,…", value_delimiter = ',')]
    documents: Option<Vec<String>>,
    /// The grant's last day (YYYY-MM-DD; 30 days from today when not given).
    #[arg(long, value_name = "DATE")]
    expires: Option<String>,
    #[arg(long)]
    json: bool,
}

impl Run for DecideArgs {
    type Output = RequestShown;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<RequestShown> {
        let session = Session::open(&self.archive, ctx)?;
        let decision = NewDecision {
            decision: if self.approve { "approve" } else { "refuse" }.to_string(),
            reason: self.reason,
            documents: self.documents,
            expires: self.expires,
        };
        let request = session
            .requests()
            .decide(&session.who, self.id, &decision)
            .map_err(usage)?;
        Ok(RequestShown { request })
    }
}

/// `sohoa request revoke GRANT`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The grant's id.
    grant: i64,
    #[command(flatten)]
    archive: ArchiveArg,
    /// Why (mandatory).
    #[arg(long, value_name = "TEXT")]
    reason: String,
    #[arg(long)]
    json: bool,
}

/// A grant revoked.
#[derive(Debug, Serialize)]
pub struct GrantRevoked {
    #[serde(flatten)]
    pub grant: GrantRecord,
}

impl CommandOutput for GrantRevoked {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        write_grant(out, &self.grant)
    }
}

impl Run for RevokeArgs {
    type Output = GrantRevoked;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<GrantRevoked> {
        let session = Session::open(&self.archive, ctx)?;
        let grant = session
            .requests()
            .revoke(&session.who, self.grant, &self.reason)
            .map_err(usage)?;
        Ok(GrantRevoked { grant })
    }
}
