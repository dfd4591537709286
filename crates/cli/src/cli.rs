//! The `partnerhub` command line: `serve` (default), `migrate`, `seed-demo`, `create-admin`,
//! `outbox`, `spec`.

use clap::{Parser, Subcommand};
use domain::Role;
use domain::user::CreateUser;
use std::io::BufRead;

use partnerhub_api::config::Settings;
use partnerhub_api::services::{self, Actor};
use partnerhub_api::startup::{Application, open_database};

/// PartnerHub server.
#[derive(Debug, Parser)]
#[command(
    name = "partnerhub",
    version,
    about = "PartnerHub: community partnerships, MOUs and volunteers"
)]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the SPA.
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the demo data set into an empty database and print the demo logins.
    SeedDemo {
        /// `demo` (a few of everything) or `district` (adds 20,000 volunteers and 1,000,000
        /// approved hour entries, for the dashboards and `just bench`).
        #[arg(long, value_enum, default_value = "demo")]
        scale: Scale,
    },
    /// Time the volunteer dashboard against a raw GROUP BY over the hour log, and the needs
    /// coverage against a raw GROUP BY over the needs, on the same database (load it with
    /// `seed-demo --scale district` first); prints the ratios, and the medians of ranking the
    /// offers for one need and the needs for one offer.
    BenchDashboard {
        /// Timed runs of each.
        #[arg(long, default_value_t = 15)]
        runs: usize,
    },
    /// Create an admin account. The password is read from PARTNERHUB_ADMIN_PASSWORD or stdin.
    CreateAdmin {
        /// The admin's email.
        #[arg(long)]
        email: String,
        /// The admin's display name.
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Print the messages queued for one address, newest first (PartnerHub queues email in
    /// its outbox; until a mail relay sends them, operators read them here).
    Outbox {
        /// The recipient's email.
        #[arg(long)]
        to: String,
    },
    /// Print the OpenAPI document.
    Spec,
}

/// How much demo data to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// A few of everything.
    Demo,
    /// A district's volume of volunteering.
    District,
}

/// Runs the command line.
pub async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Spec) = cli.command {
        print!("{}", partnerhub_api::openapi::json());
        return Ok(());
    }
    let mut settings = Settings::load()?;
    partnerhub_api::telemetry::init(&settings.log);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "PartnerHub listening");
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            settings.database.auto_migrate = true;
            open_database(&settings).await?;
            println!("migrations applied");
        }
        Command::SeedDemo { scale } => {
            settings.database.auto_migrate = true;
            let db = open_database(&settings).await?;
            let outcome = crate::demo::seed(&db)
                .await
                .map_err(|e| anyhow::anyhow!("seeding failed: {e}"))?;
            match outcome {
                crate::demo::SeedOutcome::RealData => {
                    anyhow::bail!(
                        "this database holds real data (accounts or schools, and no demo admin): \
                         seed-demo loads demo data into an empty database only"
                    );
                }
                crate::demo::SeedOutcome::AlreadyDemo => {
                    println!(
                        "the demo data is already loaded; nothing done (the demo logins are in the README)"
                    );
                }
                crate::demo::SeedOutcome::Loaded => {
                    println!("demo data loaded: {} schools", crate::demo::schools().len());
                    if scale == Scale::District {
                        let started = std::time::Instant::now();
                        crate::demo_district::seed(
                            &db,
                            crate::demo_district::VOLUNTEERS,
                            crate::demo_district::HOUR_ENTRIES,
                        )
                        .await
                        .map_err(|e| anyhow::anyhow!("seeding the district scale failed: {e}"))?;
                        let needs = crate::demo_district::seed_needs(&db)
                            .await
                            .map_err(|e| anyhow::anyhow!("seeding the needs failed: {e}"))?;
                        let offers = crate::demo_district::seed_offers(&db)
                            .await
                            .map_err(|e| anyhow::anyhow!("seeding the offers failed: {e}"))?;
                        let donations = crate::demo_district::seed_donations(&db)
                            .await
                            .map_err(|e| anyhow::anyhow!("seeding the donations failed: {e}"))?;
                        println!(
                            "district scale loaded: {} volunteers, {} hour entries, {needs} school needs, {offers} offers, {donations} donations in {:.0?}",
                            crate::demo_district::VOLUNTEERS,
                            crate::demo_district::HOUR_ENTRIES,
                            started.elapsed()
                        );
                    }
                    println!("demo logins (demo data only):");
                    for l in crate::demo::DEMO_LOGINS {
                        println!("  {:<20} {:<30} {}", l.role.as_str(), l.email, l.password);
                    }
                }
            }
        }
        Command::Outbox { to } => {
            let db = open_database(&settings).await?;
            let to = to.trim().to_lowercase();
            let messages = db::repo::applications::messages_for(&db, &to).await?;
            if messages.is_empty() {
                println!("no messages for {to}");
            }
            for m in messages {
                println!(
                    "== {} · {} · {}\n{}\n",
                    m.created_at.format("%Y-%m-%d %H:%M UTC"),
                    m.kind,
                    m.subject,
                    m.body
                );
            }
        }
        Command::BenchDashboard { runs } => {
            let db = open_database(&settings).await?;
            crate::bench::dashboard(&db, runs.max(1), settings.volunteers.hourly_value_cents)
                .await?;
            crate::bench::coverage(&db, runs.max(1)).await?;
            crate::bench::matching(&db, runs.max(1)).await?;
            crate::bench::donations(&db, runs.max(1)).await?;
        }
        Command::CreateAdmin { email, name } => {
            settings.database.auto_migrate = true;
            let db = open_database(&settings).await?;
            let password = match std::env::var("PARTNERHUB_ADMIN_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    eprintln!("password (at least 12 characters), then Enter:");
                    let mut line = String::new();
                    std::io::stdin().lock().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            let req = CreateUser {
                email,
                display_name: name,
                role: Role::Admin,
                school_ids: vec![],
                password,
            };
            let user = services::users::create(&db, &Actor::system(), req)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {:?}", e, e.problem().errors))?;
            println!("admin created: {}", user.id);
        }
        Command::Spec => {}
    }
    Ok(())
}
