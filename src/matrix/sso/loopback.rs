//! The address the browser comes back to after single sign-on: a listener on 127.0.0.1 whose
//! one path is 128 random bits, so only the browser the server redirected knows it. Any other
//! request (another local user, a web page probing ports, a forged `?loginToken=`) is answered
//! 404 and changes nothing (review M2); the SDK's own listener takes the first request to any
//! path, which let anyone abort a sign-in or slip in a token of their own account.

use std::time::Duration;

use rand::RngCore as _;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use zeroize::Zeroizing;

/// The most a request's head may take: a browser's GET with a login token is far below.
const MAX_HEAD: usize = 16 * 1024;
/// How long one connection may take to send its request.
const READ_WAIT: Duration = Duration::from_secs(10);

/// The listener, bound, with its secret path.
pub(super) struct Loopback {
    listener: TcpListener,
    path: String,
}

impl Loopback {
    /// Listens on a port the system picks, on 127.0.0.1 only.
    pub(super) async fn bind() -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let mut secret = [0u8; 16];
        rand::rng().fill_bytes(&mut secret);
        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Self { listener, path: format!("/{hex}/") })
    }

    /// The address to give the server as the redirect.
    pub(super) fn redirect_url(&self) -> std::io::Result<String> {
        let port = self.listener.local_addr()?.port();
        Ok(format!("http://127.0.0.1:{port}{}", self.path))
    }

    /// Waits for the browser at the secret path with a login token, answering it with `done`
    /// (a sentence for the person); every other request gets a 404.
    pub(super) async fn login_token(&self, done: &str) -> std::io::Result<Zeroizing<String>> {
        loop {
            let (mut stream, _) = self.listener.accept().await?;
            let head = match tokio::time::timeout(READ_WAIT, read_head(&mut stream)).await {
                Ok(Ok(head)) => head,
                _ => continue,
            };
            match token_in(&head, &self.path) {
                Some(token) => {
                    let _ = respond(&mut stream, "200 OK", done).await;
                    return Ok(token);
                }
                None => {
                    tracing::info!("a request to the sign-in's loopback address was refused");
                    let _ = respond(&mut stream, "404 Not Found", "Not found").await;
                }
            }
        }
    }
}

/// The request's head (up to the blank line), at most `MAX_HEAD` bytes.
async fn read_head(stream: &mut TcpStream) -> std::io::Result<Zeroizing<String>> {
    let mut head = Zeroizing::new(Vec::with_capacity(MAX_HEAD));
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        let read = stream.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        let room = MAX_HEAD - head.len();
        head.extend_from_slice(&buffer[..read.min(room)]);
    }
    Ok(Zeroizing::new(String::from_utf8_lossy(&head).into_owned()))
}

/// The login token of a `GET` (or `HEAD`) to exactly `path`, if that is what `head` asks.
fn token_in(head: &str, path: &str) -> Option<Zeroizing<String>> {
    let line = head.lines().next()?;
    let mut words = line.split(' ');
    let (method, target) = (words.next()?, words.next()?);
    if !matches!(method, "GET" | "HEAD") {
        return None;
    }
    let (asked, query) = target.split_once('?').unwrap_or((target, ""));
    if asked != path && asked != path.trim_end_matches('/') {
        return None;
    }
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, value)| key == "loginToken" && !value.is_empty())
        .map(|(_, value)| Zeroizing::new(value.into_owned()))
}

async fn respond(stream: &mut TcpStream, status: &str, text: &str) -> std::io::Result<()> {
    let answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n{text}",
        text.len()
    );
    stream.write_all(answer.as_bytes()).await?;
    stream.shutdown().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secret_path_with_a_token_is_taken() {
        let path = "/00112233445566778899aabbccddeeff/";
        let get = |target: &str| format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        let token = |target: &str| token_in(&get(target), path).map(|t| t.to_string());
        assert_eq!(token(&format!("{path}?loginToken=abc")).as_deref(), Some("abc"));
        assert_eq!(
            token("/00112233445566778899aabbccddeeff?loginToken=a%2Bb").as_deref(),
            Some("a+b")
        );
        assert_eq!(token("/?loginToken=forged"), None, "another path");
        assert_eq!(token("/0011?loginToken=forged"), None);
        assert_eq!(token(path), None, "no token");
        assert_eq!(token(&format!("{path}?loginToken=")), None, "an empty token");
        let post = format!("POST {path}?loginToken=abc HTTP/1.1\r\n\r\n");
        assert_eq!(token_in(&post, path).map(|t| t.to_string()), None);
        assert_eq!(token_in("garbage", path).map(|t| t.to_string()), None);
    }

    #[tokio::test]
    async fn a_stranger_gets_404_and_the_browser_still_gets_in() {
        let loopback = Loopback::bind().await.unwrap();
        let redirect = loopback.redirect_url().unwrap();
        assert!(redirect.starts_with("http://127.0.0.1:") && redirect.len() > 50, "{redirect}");
        let port = loopback.listener.local_addr().unwrap().port();
        let ask = |target: String| async move {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            let request = format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n");
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).await.unwrap();
            answer
        };
        let waiting =
            tokio::spawn(async move { loopback.login_token("done").await.map(|t| t.to_string()) });
        assert!(ask("/?loginToken=forged".into()).await.starts_with("HTTP/1.1 404"));
        let path = redirect.trim_start_matches(&format!("http://127.0.0.1:{port}"));
        assert!(ask(format!("{path}?loginToken=real")).await.starts_with("HTTP/1.1 200"));
        assert_eq!(waiting.await.unwrap().unwrap(), "real");
    }
}
