//! A message's HTML body turned into styled runs: only the tags a chat needs, the rest kept as
//! its text, and the reply fallback (`mx-reply`) dropped.

use matrix_sdk::ruma::html::{Html, NodeRef};

use crate::model::rich::{Span, push};

/// The styled runs of a formatted body.
pub fn spans(html: &str) -> Vec<Span> {
    let tree = Html::parse(html);
    let mut spans = Vec::new();
    walk(tree.children().collect(), &mut spans);
    // Trailing line breaks from closing paragraphs say nothing.
    if let Some(last) = spans.last_mut() {
        let kept = last.text.trim_end_matches('\n').len();
        last.text.truncate(kept);
    }
    spans
}

/// A step of the walk: a node to read with the style around it, or the end of a block.
enum Step {
    Enter(NodeRef, Span),
    Leave(Span),
}

/// Reads the nodes depth first with a stack of its own, not the thread's: however deep a
/// hostile body nests its tags, the walk cannot overflow the stack.
fn walk(top: Vec<NodeRef>, spans: &mut Vec<Span>) {
    let mut steps: Vec<Step> =
        top.into_iter().rev().map(|node| Step::Enter(node, Span::default())).collect();
    while let Some(step) = steps.pop() {
        let (node, style) = match step {
            Step::Leave(style) => {
                push(spans, Span { text: "\n".into(), ..style });
                continue;
            }
            Step::Enter(node, style) => (node, style),
        };
        if let Some(text) = node.as_text() {
            let shown = crate::model::text::neutral(&text.borrow()).into_owned();
            push(spans, Span { text: shown, ..style });
            continue;
        }
        let Some(element) = node.as_element() else { continue };
        let tag = element.name.local.to_string();
        let mut inner = style.clone();
        match tag.as_str() {
            "mx-reply" => continue,
            "br" => {
                push(spans, Span { text: "\n".into(), ..style });
                continue;
            }
            "b" | "strong" => inner.bold = true,
            "i" | "em" => inner.italic = true,
            "code" | "pre" => inner.code = true,
            "a" => {
                inner.link = attribute(element, "href");
                inner.mention = inner
                    .link
                    .as_deref()
                    .and_then(crate::model::link::person_of)
                    .map(|user_id| crate::model::rich::Pill { user_id, me: false });
            }
            "li" => push(spans, Span { text: "• ".into(), ..style.clone() }),
            _ => {}
        }
        if matches!(tag.as_str(), "p" | "li" | "div" | "pre" | "blockquote" | "h1" | "h2" | "h3") {
            steps.push(Step::Leave(style));
        }
        let children: Vec<NodeRef> = node.children().collect();
        steps.extend(children.into_iter().rev().map(|child| Step::Enter(child, inner.clone())));
    }
}

fn attribute(element: &matrix_sdk::ruma::html::ElementData, name: &str) -> Option<String> {
    element
        .attrs
        .borrow()
        .iter()
        .find(|attr| attr.name.local.as_ref() == name)
        .map(|attr| attr.value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_italic_code_and_links() {
        let spans = spans(
            "le <strong>compte rendu</strong>, <em>vite</em> <code>x=1</code> <a href=\"https://e.org\">ici</a>",
        );
        let bold = spans.iter().find(|s| s.bold).expect("bold");
        assert_eq!(bold.text, "compte rendu");
        assert!(spans.iter().any(|s| s.italic && s.text == "vite"));
        assert!(spans.iter().any(|s| s.code && s.text == "x=1"));
        assert!(
            spans.iter().any(|s| s.link.as_deref() == Some("https://e.org") && s.text == "ici")
        );
    }

    #[test]
    fn a_link_to_a_person_is_a_mention() {
        let spans = spans(
            "<a href=\"https://matrix.to/#/@alice:example.org\">Alice</a>: <a href=\"https://e.org\">x</a>",
        );
        let pill = spans[0].mention.as_ref().expect("a mention");
        assert_eq!(
            (spans[0].text.as_str(), pill.user_id.as_str()),
            ("Alice", "@alice:example.org")
        );
        assert!(spans[2].mention.is_none(), "a web link is no mention");
    }

    #[test]
    fn the_reply_fallback_is_dropped_and_paragraphs_break() {
        let spans = spans("<mx-reply><blockquote>old</blockquote></mx-reply><p>one</p><p>two</p>");
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "one\ntwo");
    }
}
