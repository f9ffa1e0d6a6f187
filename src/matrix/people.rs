//! Finding people: the server's user directory, searched by name or ID.

use super::handle::Handle;
use super::{MatrixError, sdk_error};
use crate::model::Person;

impl Handle {
    /// Up to `limit` people whose name or Matrix ID matches `term`, as the server ranks them.
    /// Which people a server lists is its own rule (often: those sharing a room, or everyone
    /// in the organisation).
    pub async fn search_people(&self, term: &str, limit: u64) -> Result<Vec<Person>, MatrixError> {
        let found = self
            .inner
            .client
            .search_users(term.trim(), limit)
            .await
            .map_err(|error| sdk_error(error.into()))?;
        let me = self.user_id();
        Ok(found
            .results
            .into_iter()
            .filter(|user| user.user_id.as_str() != me)
            .map(|user| Person {
                user_id: user.user_id.to_string(),
                display_name: user.display_name,
            })
            .collect())
    }
}
