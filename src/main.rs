//! The `hadath` binary: `hadath serve` runs the HTTP service, `hadath extract` prints the
//! extraction of one article as JSON without a server.

use clap::{Parser, Subcommand};
use hadath::http::logging::eprint_line;
use hadath::http::{AppState, serve, shutdown_signal};
use hadath::pipeline::Pipeline;
use hadath::pipeline::model::{ExtractRequest, OffsetUnit};
use hadath::settings::Settings;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

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

/// Exit codes: 1 for a failure while running, 2 for a bad configuration or input.
const FAILURE: u8 = 1;
const BAD_SETUP: u8 = 2;

/// Why a command stopped: the message printed on standard error and the exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure { code, message: message.into() }
    }
}

/// The exit code of a command's result, with its message printed on standard error.
fn exit(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprint_line(&format!("hadath: {}", f.message));
            ExitCode::from(f.code)
        }
    }
}

fn main() -> ExitCode {
    hadath::allocator::tune();
    let cli = Cli::parse();
    exit(match cli.command {
        Command::Serve { addr, config, log_format } => serve_command(config.as_ref(), addr, log_format),
        Command::Extract { file, published_at, language, offsets, config } => {
            extract_command(&file, published_at, language, &offsets, config.as_ref())
        }
    })
}

/// `hadath serve`: settings, logging and the runtime, then the server until it stops.
fn serve_command(config: Option<&PathBuf>, addr: Option<String>, log_format: Option<String>) -> Result<(), Failure> {
    let mut settings = load_settings(config, addr).map_err(|e| Failure::new(BAD_SETUP, e))?;
    if let Some(format) = log_format {
        settings.log.format = format;
    }
    hadath::http::logging::init(&settings.log).map_err(|e| Failure::new(BAD_SETUP, e))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(FAILURE, format!("cannot start the runtime: {e}")))?;
    runtime.block_on(run_server(settings))
}

/// Loads the pipeline, binds the listeners and serves until SIGTERM or SIGINT.
async fn run_server(settings: Settings) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    let pipeline = load_pipeline(&settings).map_err(|e| {
        tracing::error!("{e}");
        Failure::new(BAD_SETUP, e)
    })?;
    let listener = bind(&settings.server.addr).await?;
    let admin = if settings.server.admin_addr.is_empty() { None } else { Some(bind(&settings.server.admin_addr).await?) };
    tracing::info!(addr = %settings.server.addr, admin = %settings.server.admin_addr, ready_ms = started.elapsed().as_millis() as u64, "hadath ready");
    let state = AppState::new(pipeline, settings);
    serve(listener, admin, state, shutdown_signal()).await.map_err(|e| Failure::new(FAILURE, format!("server error: {e}")))?;
    tracing::info!("stopped");
    Ok(())
}

/// A listener on `addr`.
async fn bind(addr: &str) -> Result<tokio::net::TcpListener, Failure> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| Failure::new(FAILURE, format!("cannot listen on {addr}: {e}")))
}

/// `hadath extract`: one article from `file` (or standard input) through the pipeline, its
/// answer (capped as the server's are) printed as JSON.
fn extract_command(
    file: &str,
    published_at: Option<String>,
    language: Option<String>,
    offsets: &str,
    config: Option<&PathBuf>,
) -> Result<(), Failure> {
    let settings = load_settings(config, None).map_err(|e| Failure::new(BAD_SETUP, e))?;
    let text = read_article(file).map_err(|e| Failure::new(FAILURE, format!("cannot read {file}: {e}")))?;
    let offsets = offset_unit(offsets)
        .ok_or_else(|| Failure::new(BAD_SETUP, format!("unknown offset unit {offsets:?}: use chars, utf16 or bytes")))?;
    let pipeline = load_pipeline(&settings).map_err(|e| Failure::new(BAD_SETUP, e))?;
    let req = ExtractRequest { text, id: None, language, published_at, offsets: Some(offsets) };
    let extraction = pipeline.extract(&req).map_err(|e| Failure::new(FAILURE, e.to_string()))?;
    // the same caps as the server's answers
    let answer = hadath::http::limits::cap(extraction, &settings.limits);
    print_answer(&answer).map_err(|e| Failure::new(FAILURE, format!("cannot write the answer: {e}")))
}

/// The text of `file`, or of standard input for `-`.
fn read_article(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

/// The offset unit named `name`.
fn offset_unit(name: &str) -> Option<OffsetUnit> {
    match name {
        "chars" => Some(OffsetUnit::Chars),
        "utf16" => Some(OffsetUnit::Utf16),
        "bytes" => Some(OffsetUnit::Bytes),
        _ => None,
    }
}

/// Writes `answer` as pretty JSON and a newline to standard output.
fn print_answer(answer: &hadath::http::limits::Answer) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, answer).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()
}
