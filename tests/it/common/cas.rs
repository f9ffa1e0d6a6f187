//! A tiny CAS identity provider for the single sign-on tests: it signs in whoever comes as one
//! fixed user, speaking just the CAS 2.0 that Synapse's `handlers/cas.py` uses (`/login`, then
//! `/proxyValidate` from the server).

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// The one ticket this provider hands out.
const TICKET: &str = "ST-1-estafette-test";

/// A running fake CAS server on a free loopback port; its thread ends with the test binary.
pub struct FakeCas {
    /// `http://127.0.0.1:PORT`, what Synapse's `cas_config.server_url` names.
    pub url: String,
    served: Arc<Mutex<Vec<String>>>,
}

impl FakeCas {
    /// Serves sign-ins that all become `user` (Synapse makes it the Matrix localpart).
    pub fn start(user: &str) -> FakeCas {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the fake CAS");
        let url = format!("http://{}", listener.local_addr().expect("CAS address"));
        let served = Arc::new(Mutex::new(Vec::new()));
        let (log, name) = (Arc::clone(&served), user.to_owned());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, name) = (Arc::clone(&log), name.clone());
                std::thread::spawn(move || serve(stream, &name, &log));
            }
        });
        FakeCas { url, served }
    }

    /// The `homeserver.yaml` keys for a Synapse that signs people in here, and sends the
    /// browser straight back to the app's loopback address (no confirmation page).
    pub fn synapse_yaml(&self) -> String {
        format!(
            "\ncas_config:\n  enabled: true\n  server_url: \"{}\"\nsso:\n  client_whitelist: [\"http://127.0.0.1\", \"http://localhost\"]\n",
            self.url
        )
    }

    /// The paths asked so far, e.g. `/login` and `/proxyValidate`.
    pub fn served(&self) -> Vec<String> {
        self.served.lock().expect("CAS log").clone()
    }
}

fn serve(mut stream: TcpStream, user: &str, served: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("CAS stream"));
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    // The headers say nothing this provider needs; read them so the client is not cut off.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/");
    let url = url::Url::parse(&format!("http://cas{target}")).expect("request target");
    let query = |key: &str| url.query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned());
    served.lock().expect("CAS log").push(url.path().to_owned());
    let response = match (url.path(), query("service")) {
        ("/login", Some(service)) => {
            let join = if service.contains('?') { '&' } else { '?' };
            let location = format!("{service}{join}ticket={TICKET}");
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        }
        ("/proxyValidate" | "/serviceValidate", Some(_)) => {
            let body = if query("ticket").as_deref() == Some(TICKET) {
                format!(
                    "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\"><cas:authenticationSuccess><cas:user>{user}</cas:user></cas:authenticationSuccess></cas:serviceResponse>"
                )
            } else {
                "<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\"><cas:authenticationFailure code=\"INVALID_TICKET\">unknown ticket</cas:authenticationFailure></cas:serviceResponse>".to_owned()
            };
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }
        _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(),
    };
    let _ = stream.write_all(response.as_bytes());
}
