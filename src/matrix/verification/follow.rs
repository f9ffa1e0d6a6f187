//! One task per flow: follows the SDK's request and, once it turns into an emoji or QR flow,
//! that flow too, folding both into the flow's single app-level state.

use futures_util::stream::{BoxStream, StreamExt as _};
use matrix_sdk::encryption::verification::{
    CancelInfo, QrVerificationState, SasState, SasVerification, Verification as SdkFlow,
    VerificationRequest, VerificationRequestState as RequestState,
};
use matrix_sdk::ruma::UserId;
use matrix_sdk::ruma::events::key::verification::VerificationMethod as SdkMethod;

use crate::matrix::handle::Handle;
use crate::model::verification::{CancelReason, Method, Step};

/// A change of the emoji or QR flow a request turned into.
enum Sub {
    Sas(SasVerification, SasState),
    Qr(QrVerificationState),
}

/// Follows `request` until its flow is done or cancelled.
pub(super) async fn follow(handle: Handle, request: VerificationRequest) {
    let id = request.flow_id().to_owned();
    let flows = &handle.inner.verifications;
    // `changes()` only yields later states: start from the current one.
    let mut changes = request.changes();
    let mut sub: Option<BoxStream<'static, Sub>> = None;
    let mut current = Some(request.state());
    let (mut on_sas, mut on_qr) = (false, false);
    while !flows.is_final(&id) {
        let next = match current.take() {
            Some(state) => Some(Ok(state)),
            None => tokio::select! {
                state = changes.next() => state.map(Ok),
                Some(change) = next_sub(&mut sub) => Some(Err(change)),
            },
        };
        match next {
            None => return,
            Some(Ok(RequestState::Transitioned { verification, .. })) => match verification {
                SdkFlow::SasV1(sas) if !on_sas => {
                    on_sas = true;
                    flows.set_sas(&id, sas.clone());
                    let first = futures_util::stream::iter([Sub::Sas(sas.clone(), sas.state())]);
                    let later = sas.changes().map(move |s| Sub::Sas(sas.clone(), s));
                    sub = Some(first.chain(later).boxed());
                }
                SdkFlow::QrV1(qr) if !on_qr => {
                    on_qr = true;
                    flows.set_qr(&id, qr.clone());
                    let first = futures_util::stream::iter([Sub::Qr(qr.state())]);
                    sub = Some(first.chain(qr.changes().map(Sub::Qr)).boxed());
                }
                _ => {}
            },
            Some(Ok(state)) => {
                let step = request_step(&handle, &id, state);
                record(&handle, &request, step).await;
            }
            Some(Err(change)) => record(&handle, &request, sub_step(change).await).await,
        }
    }
}

async fn record(handle: &Handle, request: &VerificationRequest, step: Option<Step>) {
    let Some(step) = step else { return };
    let flows = &handle.inner.verifications;
    if step == Step::Done && !flows.is_final(request.flow_id()) {
        settle(handle, request.other_user_id()).await;
    }
    flows.step(request.flow_id(), step);
}

/// Makes another person's verification count here before anyone is told it is done. The SDK
/// queues our signature of their identity for the sync loop to upload, and only trusts them
/// once the server returns it; under sliding sync that can be long after "done", or never if
/// the app exits first. Signing again (the same signature, so harmless) uploads it now, and
/// asking for their identity brings it back signed.
async fn settle(handle: &Handle, other: &UserId) {
    if handle.inner.client.user_id() == Some(other) {
        return;
    }
    let encryption = handle.inner.client.encryption();
    if let Ok(Some(identity)) = encryption.get_user_identity(other).await
        && !identity.is_verified()
        && let Err(error) = identity.verify().await
    {
        tracing::warn!(%error, "could not upload the signature of a verified person");
    }
    refresh(handle, other).await;
    fresh_keys_with(handle, other).await;
}

/// Asks the server for `other`'s identity again, so that our new signature on it (uploaded
/// when the person confirmed, or just now) counts here at once: message keys they send from
/// now on are then recorded as coming from a verified person.
pub(super) async fn refresh(handle: &Handle, other: &UserId) {
    if handle.inner.client.user_id() == Some(other) {
        return;
    }
    if let Err(error) = handle.inner.client.encryption().request_user_identity(other).await {
        tracing::warn!(%error, "could not refresh a verified person's identity");
    }
}

/// Starts new message keys in the rooms we share with `other`. The SDK records how far a
/// message key's sender was trusted when the key arrived and never revisits it; our current
/// key reached them before they verified us, so without this our next messages would still
/// show as unverified on their side.
async fn fresh_keys_with(handle: &Handle, other: &UserId) {
    for room in handle.inner.client.joined_rooms() {
        let shared = matches!(room.get_member_no_sync(other).await, Ok(Some(_)));
        if shared && let Err(error) = room.discard_room_key().await {
            tracing::warn!(%error, "could not start a new message key after a verification");
        }
    }
}

async fn next_sub(sub: &mut Option<BoxStream<'static, Sub>>) -> Option<Sub> {
    match sub {
        Some(stream) => stream.next().await,
        None => std::future::pending().await,
    }
}

fn request_step(handle: &Handle, id: &str, state: RequestState) -> Option<Step> {
    let flows = &handle.inner.verifications;
    match state {
        RequestState::Created { .. } => Some(Step::Requested),
        RequestState::Requested { other_device_data, .. } => {
            flows.set_device(id, other_device_data.device_id().as_str());
            Some(Step::Requested)
        }
        RequestState::Ready { their_methods, our_methods, other_device_data } => {
            flows.set_device(id, other_device_data.device_id().as_str());
            Some(Step::Ready(common(&our_methods, &their_methods)))
        }
        RequestState::Done => Some(Step::Done),
        RequestState::Cancelled(info) => Some(Step::Cancelled(reason(&info))),
        RequestState::Transitioned { .. } => None,
    }
}

/// The ways both sides can use, from this side's point of view.
fn common(ours: &[SdkMethod], theirs: &[SdkMethod]) -> Vec<Method> {
    let both = |a: SdkMethod, b: SdkMethod| ours.contains(&a) && theirs.contains(&b);
    let mut methods = Vec::new();
    if both(SdkMethod::SasV1, SdkMethod::SasV1) {
        methods.push(Method::Emoji);
    }
    if both(SdkMethod::QrCodeShowV1, SdkMethod::QrCodeScanV1) {
        methods.push(Method::ShowQr);
    }
    if both(SdkMethod::QrCodeScanV1, SdkMethod::QrCodeShowV1) {
        methods.push(Method::ScanQr);
    }
    methods
}

async fn sub_step(change: Sub) -> Option<Step> {
    match change {
        Sub::Sas(sas, state) => sas_step(&sas, state).await,
        Sub::Qr(state) => qr_step(state),
    }
}

async fn sas_step(sas: &SasVerification, state: SasState) -> Option<Step> {
    match state {
        // The person already accepted the request: answering the other side's start is part
        // of it, as in other Matrix apps.
        SasState::Started { .. } if !sas.we_started() => {
            if let Err(error) = sas.accept().await {
                tracing::warn!(%error, "could not answer the emoji verification");
            }
            None
        }
        SasState::KeysExchanged { emojis: Some(emojis), .. } => Some(Step::Emoji(emojis.indices)),
        // Numbers only: this app shows emoji, so the flow cannot be completed here.
        SasState::KeysExchanged { emojis: None, .. } => {
            let _ = sas.cancel().await;
            None
        }
        SasState::Confirmed => Some(Step::Confirmed),
        SasState::Done { .. } => Some(Step::Done),
        SasState::Cancelled(info) => Some(Step::Cancelled(reason(&info))),
        SasState::Created { .. } | SasState::Started { .. } | SasState::Accepted { .. } => None,
    }
}

fn qr_step(state: QrVerificationState) -> Option<Step> {
    match state {
        QrVerificationState::Scanned => Some(Step::ScannedByThem),
        // Our scan was sent: the other side's person now confirms.
        QrVerificationState::Reciprocated | QrVerificationState::Confirmed => Some(Step::Confirmed),
        QrVerificationState::Done { .. } => Some(Step::Done),
        QrVerificationState::Cancelled(info) => Some(Step::Cancelled(reason(&info))),
        QrVerificationState::Started => None,
    }
}

fn reason(info: &CancelInfo) -> CancelReason {
    CancelReason::from_code(info.cancel_code().as_str(), info.cancelled_by_us())
}
