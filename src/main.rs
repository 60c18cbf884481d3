//! The `hadath` binary: `hadath serve` runs the HTTP service, `hadath extract` prints the
//! extraction of one article as JSON without a server.

use clap::{Parser, Subcommand};
use hadath::http::logging::{DroppingStderr, eprint_line};
use hadath::http::{AppState, serve, shutdown_signal};
use hadath::pipeline::Pipeline;
use hadath::pipeline::model::ExtractRequest;
use hadath::settings::Settings;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "hadath", version, about = "Events and quotes from Arabic and English news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service.
    Serve {
        /// Address to listen on (HOST:PORT).
        #[arg(long, env = "HADATH_ADDR")]
        addr: Option<String>,
        /// A TOML file layered over the built-in defaults.
        #[arg(long, env = "HADATH_CONFIG")]
        config: Option<PathBuf>,
        /// Log format: text (human-readable, the default) or json.
        #[arg(long, value_parser = ["text", "json"])]
        log_format: Option<String>,
    },
    /// Extract one article and print the JSON of POST /v1/extract.
    Extract {
        /// The article file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Publication date (YYYY-MM-DD or RFC 3339) anchoring relative dates.
        #[arg(long)]
        published_at: Option<String>,
        /// ar, en or auto.
        #[arg(long)]
        language: Option<String>,
        /// chars, utf16 or bytes.
        #[arg(long, default_value = "chars")]
        offsets: String,
        /// A TOML file layered over the built-in defaults.
        #[arg(long, env = "HADATH_CONFIG")]
        config: Option<PathBuf>,
    },
}

fn init_tracing(settings: &Settings) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.log.level));
    // a failed log write is dropped and counted, never a panic (standard error may be full
    // or closed), and the subscriber does not report it on standard error either
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(DroppingStderr).log_internal_errors(false);
    if settings.log.format == "json" {
        builder.json().flatten_event(true).with_current_span(true).init();
    } else {
        builder.init();
    }
}

fn load_settings(config: Option<&PathBuf>, addr: Option<String>) -> Result<Settings, String> {
    let mut settings = Settings::load(config.map(|p| p.as_path()), std::env::vars()).map_err(|e| e.to_string())?;
    if let Some(addr) = addr {
        settings.server.addr = addr;
    }
    settings.check().map_err(|e| e.to_string())?;
    Ok(settings)
}

fn load_pipeline(settings: &Settings) -> Result<Pipeline, String> {
    let dir = (!settings.lexicons.dir.is_empty()).then(|| PathBuf::from(&settings.lexicons.dir));
    let pipeline = Pipeline::load(dir.as_deref(), settings.limits.max_text_chars).map_err(|e| format!("lexicon error: {e}"))?;
    hadath::allocator::settle();
    Ok(pipeline)
}

fn main() -> ExitCode {
    hadath::allocator::tune();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { addr, config, log_format } => {
            let settings = match load_settings(config.as_ref(), addr) {
                Ok(mut s) => {
                    if let Some(format) = log_format {
                        s.log.format = format;
                    }
                    s
                }
                Err(e) => {
                    eprint_line(&format!("hadath: {e}"));
                    return ExitCode::from(2);
                }
            };
            init_tracing(&settings);
            let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
                Ok(r) => r,
                Err(e) => {
                    eprint_line(&format!("hadath: cannot start the runtime: {e}"));
                    return ExitCode::FAILURE;
                }
            };
            runtime.block_on(async move {
                let started = std::time::Instant::now();
                let pipeline = match load_pipeline(&settings) {
                    Ok(p) => p,
                    Err(e) => {
                        tracing::error!("{e}");
                        eprint_line(&format!("hadath: {e}"));
                        return ExitCode::from(2);
                    }
                };
                let listener = match tokio::net::TcpListener::bind(&settings.server.addr).await {
                    Ok(l) => l,
                    Err(e) => {
                        eprint_line(&format!("hadath: cannot listen on {}: {e}", settings.server.addr));
                        return ExitCode::FAILURE;
                    }
                };
                let admin = if settings.server.admin_addr.is_empty() {
                    None
                } else {
                    match tokio::net::TcpListener::bind(&settings.server.admin_addr).await {
                        Ok(l) => Some(l),
                        Err(e) => {
                            eprint_line(&format!("hadath: cannot listen on {}: {e}", settings.server.admin_addr));
                            return ExitCode::FAILURE;
                        }
                    }
                };
                tracing::info!(addr = %settings.server.addr, admin = %settings.server.admin_addr, ready_ms = started.elapsed().as_millis() as u64, "hadath ready");
                let state = AppState::new(pipeline, settings);
                match serve(listener, admin, state, shutdown_signal()).await {
                    Ok(()) => {
                        tracing::info!("stopped");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprint_line(&format!("hadath: server error: {e}"));
                        ExitCode::FAILURE
                    }
                }
            })
        }
        Command::Extract { file, published_at, language, offsets, config } => {
            let settings = match load_settings(config.as_ref(), None) {
                Ok(s) => s,
                Err(e) => {
                    eprint_line(&format!("hadath: {e}"));
                    return ExitCode::from(2);
                }
            };
            let mut text = String::new();
            let read = if file == "-" {
                std::io::stdin().read_to_string(&mut text).map(|_| ())
            } else {
                std::fs::read_to_string(&file).map(|t| text = t)
            };
            if let Err(e) = read {
                eprint_line(&format!("hadath: cannot read {file}: {e}"));
                return ExitCode::FAILURE;
            }
            let offsets = match offsets.as_str() {
                "chars" => hadath::pipeline::model::OffsetUnit::Chars,
                "utf16" => hadath::pipeline::model::OffsetUnit::Utf16,
                "bytes" => hadath::pipeline::model::OffsetUnit::Bytes,
                other => {
                    eprint_line(&format!("hadath: unknown offset unit {other:?}: use chars, utf16 or bytes"));
                    return ExitCode::from(2);
                }
            };
            let pipeline = match load_pipeline(&settings) {
                Ok(p) => p,
                Err(e) => {
                    eprint_line(&format!("hadath: {e}"));
                    return ExitCode::from(2);
                }
            };
            let req = ExtractRequest { text, id: None, language, published_at, offsets: Some(offsets) };
            match pipeline.extract(&req) {
                Ok(x) => {
                    // the same caps as the server's answers
                    let answer = hadath::http::limits::cap(x, &settings.limits);
                    let mut out = std::io::stdout().lock();
                    let written =
                        serde_json::to_writer_pretty(&mut out, &answer).map_err(std::io::Error::from).and_then(|()| writeln!(out));
                    if let Err(e) = written.and_then(|()| out.flush()) {
                        eprint_line(&format!("hadath: cannot write the answer: {e}"));
                        return ExitCode::FAILURE;
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprint_line(&format!("hadath: {e}"));
                    ExitCode::from(1)
                }
            }
        }
    }
}
