//! The socket under one hyper connection: it hands the stream back when hyper drops it (so
//! that the connection can be closed with a lingering read, see `connections`), and it
//! turns hyper's own answers to a request head it could not parse — a bare 400, 414 or 431
//! with an empty body, written before any middleware runs — into problem+json answers.

use super::problem::Problem;
use axum::http::StatusCode;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// The problem+json answers that replace hyper's parse-error answers, rendered once.
#[derive(Debug)]
pub(super) struct ParseErrorAnswers {
    answers: Vec<Replacement>,
}

/// One of them.
#[derive(Debug)]
struct Replacement {
    /// Its status.
    status: u16,
    /// The start of the status line hyper writes.
    prefix: Vec<u8>,
    /// The head written instead, without its blank line (hyper's `Date` goes there).
    head: Vec<u8>,
    /// The problem document.
    body: Vec<u8>,
}

impl ParseErrorAnswers {
    /// The answers for a server whose heads are capped at `max_header_bytes` and
    /// `max_header_fields` fields.
    pub(super) fn new(max_header_bytes: usize, max_header_fields: usize) -> ParseErrorAnswers {
        let render = |status: StatusCode, slug: &str, title: &str, detail: String| {
            let body = serde_json::to_vec(&Problem::new(status, slug, title, detail)).unwrap_or_default();
            let reason = status.canonical_reason().unwrap_or("");
            let head = format!(
                "HTTP/1.1 {} {reason}\r\ncontent-type: application/problem+json\r\nconnection: close\r\n\
                 x-content-type-options: nosniff\r\ncontent-length: {}\r\n",
                status.as_u16(),
                body.len()
            );
            Replacement {
                status: status.as_u16(),
                prefix: format!("HTTP/1.1 {} ", status.as_u16()).into_bytes(),
                head: head.into_bytes(),
                body,
            }
        };
        let fields = format!("the request head is over {max_header_bytes} bytes or {max_header_fields} header fields");
        ParseErrorAnswers {
            answers: vec![
                render(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Request header fields too large", fields),
                render(StatusCode::URI_TOO_LONG, "uri-too-long", "URI too long", "the request target is too long".into()),
                render(StatusCode::BAD_REQUEST, "malformed-request", "Malformed request", "the request head could not be parsed".into()),
            ],
        }
    }

    /// What to write instead of `written`, when `written` is hyper's answer to a head it
    /// could not parse: one of the statuses above with `content-length: 0` and no
    /// `content-type` (every answer of the application has one: problem+json or its own).
    fn instead_of(&self, written: &[u8]) -> Option<(u16, Vec<u8>)> {
        let r = self.answers.iter().find(|r| written.starts_with(&r.prefix))?;
        let end = written.windows(4).position(|w| w == b"\r\n\r\n")?;
        let lower = written[..end + 2].to_ascii_lowercase();
        let has = |line: &[u8]| lower.windows(line.len()).any(|w| w == line);
        if end + 4 != written.len() || !has(b"\r\ncontent-length: 0\r\n") || has(b"\r\ncontent-type:") {
            return None;
        }
        let mut answer = r.head.clone();
        // hyper's Date line is kept
        if let Some(at) = lower.windows(8).position(|w| w == b"\r\ndate: ") {
            let line = &written[at + 2..end + 2];
            let len = line.windows(2).position(|w| w == b"\r\n").map_or(line.len(), |i| i + 2);
            answer.extend_from_slice(&line[..len]);
        }
        answer.extend_from_slice(b"\r\n");
        answer.extend_from_slice(&r.body);
        Some((r.status, answer))
    }
}

/// A TCP stream lent to hyper: given back through `back` when hyper drops it; hyper's
/// parse-error answers are replaced on the way out.
pub(super) struct Lent {
    stream: Option<TcpStream>,
    back: Option<tokio::sync::oneshot::Sender<TcpStream>>,
    answers: Arc<ParseErrorAnswers>,
    /// A replacement answer being written, and how much of it is out.
    replacing: Vec<u8>,
    replaced: usize,
}

impl Lent {
    /// Lends `stream`; the receiver gets it back once hyper is done with it.
    pub(super) fn new(stream: TcpStream, answers: Arc<ParseErrorAnswers>) -> (Lent, tokio::sync::oneshot::Receiver<TcpStream>) {
        let (tx, rx) = tokio::sync::oneshot::channel();
        (Lent { stream: Some(stream), back: Some(tx), answers, replacing: Vec::new(), replaced: 0 }, rx)
    }

    fn stream(&mut self) -> io::Result<Pin<&mut TcpStream>> {
        // the stream is only taken out in `drop`
        self.stream.as_mut().map(Pin::new).ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
    }

    /// Writes out the rest of a replacement answer, if one is under way.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.replaced < self.replacing.len() {
            let Some(stream) = self.stream.as_mut() else {
                return Poll::Ready(Err(io::ErrorKind::NotConnected.into()));
            };
            match ready!(Pin::new(stream).poll_write(cx, &self.replacing[self.replaced..])) {
                Ok(0) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Ok(n) => self.replaced += n,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
        self.replacing = Vec::new();
        self.replaced = 0;
        Poll::Ready(Ok(()))
    }

    /// When `buf` is a parse-error answer of hyper's: starts its replacement and claims
    /// `buf` as written (the rest goes out on the next write, flush or shutdown).
    fn replace(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Option<io::Result<usize>> {
        let (status, answer) = self.answers.instead_of(buf)?;
        metrics::counter!("hadath_http_requests_total", "route" => "unparsed", "method" => "other", "status" => status.to_string())
            .increment(1);
        self.replacing = answer;
        self.replaced = 0;
        match self.poll_replacement(cx) {
            Poll::Ready(Err(e)) => Some(Err(e)),
            Poll::Ready(Ok(())) | Poll::Pending => Some(Ok(buf.len())),
        }
    }
}

impl Drop for Lent {
    fn drop(&mut self) {
        if let (Some(stream), Some(back)) = (self.stream.take(), self.back.take()) {
            let _ = back.send(stream);
        }
    }
}

impl AsyncRead for Lent {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        self.get_mut().stream()?.poll_read(cx, buf)
    }
}

impl AsyncWrite for Lent {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        if let Some(done) = this.replace(cx, buf) {
            return Poll::Ready(done);
        }
        this.stream()?.poll_write(cx, buf)
    }

    fn poll_write_vectored(self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[io::IoSlice<'_>]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        // hyper writes a head as one piece, first
        if let Some(first) = bufs.iter().find(|b| !b.is_empty())
            && let Some(done) = this.replace(cx, first)
        {
            return Poll::Ready(done);
        }
        this.stream()?.poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.as_ref().is_some_and(|s| s.is_write_vectored())
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        this.stream()?.poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        this.stream()?.poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> ParseErrorAnswers {
        ParseErrorAnswers::new(65536, 100)
    }

    #[test]
    fn hypers_bare_answers_are_replaced_by_problems() {
        let bare = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: Wed, 02 Dec 2026 00:51:52 GMT\r\n\r\n";
        let (status, answer) = answers().instead_of(bare).expect("replaced");
        assert_eq!(status, 431);
        let text = String::from_utf8(answer).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{head}");
        assert!(head.contains("content-type: application/problem+json") && head.contains("connection: close"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())), "{head}");
        assert!(head.ends_with("\r\ndate: Wed, 02 Dec 2026 00:51:52 GMT"), "hyper's date is kept: {head}");
        let p: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(p["status"], 431);
        assert!(p["detail"].as_str().unwrap().contains("65536 bytes"), "{p}");
        for (bare, status) in [
            &b"HTTP/1.1 414 URI Too Long\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"[..],
            b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
        ]
        .iter()
        .zip([414, 400])
        {
            assert_eq!(answers().instead_of(bare).map(|(s, _)| s), Some(status));
        }
    }

    #[test]
    fn the_applications_answers_are_left_alone() {
        for written in [
            // a problem of the application's own (it has a content type)
            &b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/problem+json\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"[..],
            // a head with a body behind it, or one that is not a parse error's
            b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n{}",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
            b"HTTP/1.1 431 ",
            b"",
        ] {
            assert!(answers().instead_of(written).is_none(), "{}", String::from_utf8_lossy(written));
        }
    }
}
