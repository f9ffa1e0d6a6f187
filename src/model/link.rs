//! What a click on a link in a message does: a Matrix permalink (`matrix.to`, `matrix:`) opens
//! the room or the person inside the app; a web address opens in the browser, but only after
//! asking when the link's text says something else than where it goes, or its address could
//! pass for another (look-alike letters, a name before an `@`). Anything else (`file:`,
//! `javascript:`) is never opened.

use url::Url;

/// Where a link leads, once judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A room, by id (`!…`) or alias (`#…`).
    Room(String),
    /// One message of a room (its event id, `$…`): opened in its place.
    Message { room: String, event: String },
    /// A person, by Matrix ID.
    Person(String),
    /// A web address for the browser; `ask` says why to confirm first.
    Web { url: String, ask: Option<Doubt> },
}

/// Why a web link is confirmed before the browser opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doubt {
    /// The visible text is not the address it leads to (it may name another one).
    TextDiffers,
    /// The host has letters outside ASCII (or their `xn--` form), which can imitate another
    /// name, or the address hides its host behind `name@`.
    LookAlike,
}

/// Judges a link whose visible text is `text` and target `href`; `None` when it must not be
/// opened at all.
pub fn assess(text: &str, href: &str) -> Option<Link> {
    let href = href.trim();
    if let Some(link) = matrix_uri(href).or_else(|| matrix_to(href)) {
        return Some(link);
    }
    let url = Url::parse(href).ok()?;
    if !matches!(url.scheme(), "https" | "http" | "mailto") {
        return None;
    }
    let ask = if looks_alike(href, &url) {
        Some(Doubt::LookAlike)
    } else if !same_text(text, href) {
        Some(Doubt::TextDiffers)
    } else {
        None
    };
    Some(Link::Web { url: url.to_string(), ask })
}

/// The person a `matrix.to` or `matrix:` link names, if it names one.
pub fn person_of(href: &str) -> Option<String> {
    let href = href.trim();
    match matrix_uri(href).or_else(|| matrix_to(href))? {
        Link::Person(user_id) => Some(user_id),
        _ => None,
    }
}

/// The room a person typed or pasted to join: `#alias:server`, `!id:server`, or a
/// `matrix.to` / `matrix:` link to one; `None` for anything else (a person, a web page).
pub fn room_address(input: &str) -> Option<String> {
    let input = input.trim();
    if input.starts_with(['#', '!']) && input.contains(':') && !input.contains(char::is_whitespace)
    {
        return Some(input.to_owned());
    }
    match matrix_uri(input).or_else(|| matrix_to(input))? {
        Link::Room(id) | Link::Message { room: id, .. } => Some(id),
        _ => None,
    }
}

/// The text shows the address itself (with or without its scheme or a final slash).
fn same_text(text: &str, href: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
        let s = s.strip_prefix("mailto:").unwrap_or(s);
        s.trim_end_matches('/').to_lowercase()
    };
    bare(text) == bare(href)
}

fn looks_alike(href: &str, url: &Url) -> bool {
    let written_host = href.split("://").nth(1).and_then(|rest| rest.split(['/', '?', '#']).next());
    let userinfo = written_host.is_some_and(|host| host.contains('@'));
    let host = url.host_str().unwrap_or_default();
    let foreign = host.split('.').any(|label| label.starts_with("xn--"));
    userinfo || foreign || written_host.is_some_and(|host| !host.is_ascii())
}

/// `https://matrix.to/#/!room:server`, `#alias:server` or `@user:server`, percent-encoded or
/// not, with an event or `?via=` after it.
fn matrix_to(href: &str) -> Option<Link> {
    let rest = href.strip_prefix("https://matrix.to/#/")?;
    let rest = rest.split('?').next()?;
    let mut parts = rest.split('/');
    let id = percent_decode(parts.next()?)?;
    match id.chars().next()? {
        '!' | '#' => Some(in_room(id, parts.next())),
        '@' => Some(Link::Person(id)),
        _ => None,
    }
}

/// The room, or one of its messages when an event id (`$…`) follows it.
fn in_room(room: String, event: Option<&str>) -> Link {
    match event.and_then(percent_decode).filter(|event| event.starts_with('$')) {
        Some(event) => Link::Message { room, event },
        None => Link::Room(room),
    }
}

/// `matrix:r/alias:server`, `matrix:roomid/id:server`, `matrix:u/user:server` (MSC2312).
fn matrix_uri(href: &str) -> Option<Link> {
    let rest = href.strip_prefix("matrix:")?;
    let path = rest.split(['?', '#']).next()?;
    let mut parts = path.split('/');
    let (kind, id) = (parts.next()?, percent_decode(parts.next()?)?);
    // A message: `…/e/event` after the room (MSC2312), its `$` left out.
    let event = match (parts.next(), parts.next()) {
        (Some("e"), Some(event)) => Some(format!("${event}")),
        _ => None,
    };
    match kind {
        "r" => Some(in_room(format!("#{id}"), event.as_deref())),
        "roomid" => Some(in_room(format!("!{id}"), event.as_deref())),
        "u" => Some(Link::Person(format!("@{id}"))),
        _ => None,
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(text).decode_utf8().ok()?;
    Some(decoded.into_owned()).filter(|id| id.len() > 1 && !id.chars().any(char::is_control))
}

/// Finds the web addresses in a plain text: a run starting with `https://` or `http://`, up to
/// the next space, without the punctuation that usually ends a sentence after it.
pub fn find_urls(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = next_scheme(&text[from..]).map(|at| at + from) {
        let end = text[start..].find(char::is_whitespace).map_or(text.len(), |at| at + start);
        let trimmed =
            text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        if trimmed.len() > "https://".len() {
            found.push(start..start + trimmed.len());
        }
        from = end;
    }
    found
}

fn next_scheme(text: &str) -> Option<usize> {
    match (text.find("https://"), text.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_to_join_is_an_address_or_a_link_to_one() {
        assert_eq!(room_address(" #accueil:gouv.fr "), Some("#accueil:gouv.fr".into()));
        assert_eq!(room_address("!abc:gouv.fr"), Some("!abc:gouv.fr".into()));
        let link = "https://matrix.to/#/%23accueil:gouv.fr?via=gouv.fr";
        assert_eq!(room_address(link), Some("#accueil:gouv.fr".into()));
        assert_eq!(room_address("matrix:r/accueil:gouv.fr"), Some("#accueil:gouv.fr".into()));
        assert_eq!(room_address("https://matrix.to/#/@anne:gouv.fr"), None, "a person");
        assert_eq!(room_address("#accueil"), None, "no server");
        assert_eq!(room_address("https://example.org"), None);
    }

    fn web(url: &str, ask: Option<Doubt>) -> Option<Link> {
        Some(Link::Web { url: url.into(), ask })
    }

    #[test]
    fn a_link_showing_its_own_address_opens_without_asking() {
        let url = "https://www.service-public.fr/";
        assert_eq!(assess(url, url), web(url, None));
        assert_eq!(assess("www.service-public.fr", url), web(url, None));
    }

    #[test]
    fn a_link_whose_text_names_another_address_asks_first() {
        let href = "https://evil.example/login";
        assert_eq!(assess("https://impots.gouv.fr", href), web(href, Some(Doubt::TextDiffers)));
        assert_eq!(assess("the form", href), web(href, Some(Doubt::TextDiffers)));
    }

    #[test]
    fn look_alike_hosts_and_hidden_hosts_ask_first() {
        let cyrillic = "https://іmpots.gouv.fr/";
        let judged = assess(cyrillic, cyrillic);
        assert!(
            matches!(judged, Some(Link::Web { ask: Some(Doubt::LookAlike), .. })),
            "{judged:?}"
        );
        let hidden = "https://impots.gouv.fr@evil.example/";
        let judged = assess(hidden, hidden);
        assert!(
            matches!(judged, Some(Link::Web { ask: Some(Doubt::LookAlike), .. })),
            "{judged:?}"
        );
    }

    #[test]
    fn only_web_and_mail_addresses_open() {
        assert_eq!(assess("x", "javascript:alert(1)"), None);
        assert_eq!(assess("x", "file:///etc/passwd"), None);
        assert!(assess("a@b.fr", "mailto:a@b.fr").is_some());
    }

    #[test]
    fn permalinks_open_inside_the_app() {
        let room = "https://matrix.to/#/%23budget%3Agouv.example?via=gouv.example";
        assert_eq!(assess("Budget", room), Some(Link::Room("#budget:gouv.example".into())));
        let event = "https://matrix.to/#/!abc:gouv.example/$event?via=x";
        let message = Link::Message { room: "!abc:gouv.example".into(), event: "$event".into() };
        assert_eq!(assess("", event), Some(message.clone()));
        let encoded = "https://matrix.to/#/%21abc%3Agouv.example/%24event?via=x";
        assert_eq!(assess("", encoded), Some(message.clone()));
        assert_eq!(assess("", "matrix:roomid/abc:gouv.example/e/event?via=x"), Some(message));
        assert_eq!(room_address(event).as_deref(), Some("!abc:gouv.example"));
        let not_an_event = "https://matrix.to/#/!abc:gouv.example/nothing";
        assert_eq!(assess("", not_an_event), Some(Link::Room("!abc:gouv.example".into())));
        let person = "https://matrix.to/#/@anne:gouv.example";
        assert_eq!(assess("Anne", person), Some(Link::Person("@anne:gouv.example".into())));
        let uri = "matrix:u/anne:gouv.example?action=chat";
        assert_eq!(assess("", uri), Some(Link::Person("@anne:gouv.example".into())));
        assert_eq!(
            assess("", "matrix:r/budget:gouv.example"),
            Some(Link::Room("#budget:gouv.example".into()))
        );
    }

    #[test]
    fn addresses_are_found_in_plain_text_without_the_final_punctuation() {
        let text = "Voir https://a.example/x, puis (http://b.example/y).";
        let found: Vec<&str> = find_urls(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["https://a.example/x", "http://b.example/y"]);
        assert!(find_urls("https:// nothing").is_empty());
    }
}
