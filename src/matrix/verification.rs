//! Verification of sessions and people by emoji (SAS) or QR code: starts and answers requests,
//! keeps the SDK's flow objects by flow id, and reports every change of every flow as one
//! `model::verification::Verification` on the event stream.

pub(crate) mod flows;
mod follow;
mod incoming;

pub(crate) use incoming::watch;

use matrix_sdk::encryption::verification::{
    QrVerificationData, SasVerification, VerificationRequest,
};
use matrix_sdk::ruma::events::key::verification::VerificationMethod;
use matrix_sdk::ruma::{OwnedUserId, UserId};

use super::MatrixError;
use super::handle::Handle;
use crate::model::verification::{CancelReason, Step, Verification};

/// Every method this app supports, offered on each request and answer.
fn methods() -> Vec<VerificationMethod> {
    vec![
        VerificationMethod::SasV1,
        VerificationMethod::QrCodeScanV1,
        VerificationMethod::QrCodeShowV1,
        VerificationMethod::ReciprocateV1,
    ]
}

fn failed(error: impl std::fmt::Display) -> MatrixError {
    MatrixError::VerificationFailed(error.to_string())
}

fn user_id(user: &str) -> Result<OwnedUserId, MatrixError> {
    UserId::parse(user.trim()).map_err(|e| MatrixError::BadUserId(user.to_owned(), e.to_string()))
}

impl Handle {
    /// Asks `user` to verify: every other session of ours when it is our own ID (to-device),
    /// else the person, in our direct chat with them (created if needed).
    pub async fn verify_user(&self, user: &str) -> Result<Verification, MatrixError> {
        let user_id = user_id(user)?;
        let encryption = self.inner.client.encryption();
        let known = encryption.get_user_identity(&user_id).await.map_err(failed)?;
        let identity = match known {
            Some(identity) => identity,
            // Not in the local store yet (no shared room): ask the server.
            None => encryption
                .request_user_identity(&user_id)
                .await
                .map_err(failed)?
                .ok_or_else(|| MatrixError::NoIdentity(user_id.to_string()))?,
        };
        let request =
            identity.request_verification_with_methods(methods()).await.map_err(failed)?;
        Ok(self.track(request))
    }

    /// Asks one session to verify: another of ours, or one of another person's.
    pub async fn verify_device(
        &self,
        user: &str,
        device: &str,
    ) -> Result<Verification, MatrixError> {
        let user_id = user_id(user)?;
        let encryption = self.inner.client.encryption();
        let found = encryption.get_device(&user_id, device.trim().into()).await.map_err(failed)?;
        let device = found
            .ok_or_else(|| MatrixError::DeviceUnknown(user_id.to_string(), device.to_owned()))?;
        let request = device.request_verification_with_methods(methods()).await.map_err(failed)?;
        Ok(self.track(request))
    }

    /// Every flow this run has seen, finished ones included.
    pub fn verifications(&self) -> Vec<Verification> {
        self.inner.verifications.lock().values().map(|flow| flow.state.clone()).collect()
    }

    /// Accepts a request someone sent us, offering every method.
    pub async fn accept_verification(&self, id: &str) -> Result<(), MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        flow.request.accept_with_methods(methods()).await.map_err(failed)
    }

    /// Starts comparing emoji on a ready request; the other side's app answers by itself.
    pub async fn start_sas(&self, id: &str) -> Result<(), MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        let sas = flow.request.start_sas().await.map_err(failed)?;
        let sas = sas.ok_or_else(|| failed(CancelReason::Unsupported.text()))?;
        self.inner.verifications.set_sas(id, sas);
        Ok(())
    }

    /// "They match": the other side's keys are trusted once both have confirmed.
    pub async fn confirm_sas(&self, id: &str) -> Result<(), MatrixError> {
        let sas = self.sas(id)?;
        sas.confirm().await.map_err(failed)?;
        // If their confirmation came first, ours just signed them: count it before their next
        // message key arrives (see `follow::settle`).
        follow::refresh(self, sas.other_user_id()).await;
        Ok(())
    }

    /// "They don't match": cancels on both sides with the mismatch reason, so both people
    /// are warned that someone may be interfering.
    pub async fn mismatch_sas(&self, id: &str) -> Result<(), MatrixError> {
        let sas = self.sas(id)?;
        sas.mismatch().await.map_err(failed)
    }

    /// Stops the flow at whatever stage, on both sides.
    pub async fn cancel_verification(&self, id: &str) -> Result<(), MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        let sent = if let Some(qr) = flow.qr {
            qr.cancel().await
        } else if let Some(sas) = flow.sas {
            sas.cancel().await
        } else {
            flow.request.cancel().await
        };
        sent.map_err(failed)
    }

    /// The QR code to show the other device, as its raw payload (render it, or save it).
    pub async fn show_qr(&self, id: &str) -> Result<Vec<u8>, MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        let qr = flow.request.generate_qr_code().await.map_err(failed)?;
        // None: the other side cannot scan, or neither side trusts an identity to vouch with.
        let qr = qr.ok_or_else(|| failed(CancelReason::Unsupported.text()))?;
        let bytes = qr.to_bytes().map_err(failed)?;
        self.inner.verifications.set_qr(id, qr);
        self.inner.verifications.step(id, Step::QrShown(bytes.clone()));
        Ok(bytes)
    }

    /// Reads the other device's QR code (its raw payload) and tells it we scanned it; the flow
    /// finishes when the other side confirms.
    pub async fn scan_qr(&self, id: &str, bytes: &[u8]) -> Result<(), MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        let data = QrVerificationData::from_bytes(bytes)
            .map_err(|e| MatrixError::QrInvalid(e.to_string()))?;
        let qr = flow
            .request
            .scan_qr_code(data)
            .await
            .map_err(|e| MatrixError::QrInvalid(super::error::root_cause(&e)))?
            .ok_or_else(|| failed(CancelReason::Unsupported.text()))?;
        self.inner.verifications.set_qr(id, qr);
        self.inner.verifications.step(id, Step::Confirmed);
        Ok(())
    }

    /// On the showing side: the person saw the other device report a successful scan.
    pub async fn confirm_qr_scanned(&self, id: &str) -> Result<(), MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        let qr = flow.qr.ok_or_else(|| MatrixError::VerificationUnknown(id.to_owned()))?;
        qr.confirm().await.map_err(failed)?;
        follow::refresh(self, qr.other_user_id()).await;
        Ok(())
    }

    fn sas(&self, id: &str) -> Result<SasVerification, MatrixError> {
        let flow = self.inner.verifications.get(id)?;
        flow.sas.ok_or_else(|| MatrixError::VerificationUnknown(id.to_owned()))
    }

    /// Keeps the request and follows it until it ends; a flow already known is not doubled.
    pub(crate) fn track(&self, request: VerificationRequest) -> Verification {
        let id = request.flow_id().to_owned();
        let flows = &self.inner.verifications;
        let state = {
            let mut map = flows.lock();
            if let Some(flow) = map.get(&id) {
                return flow.state.clone();
            }
            let state = Verification::new(
                id.clone(),
                request.other_user_id().to_string(),
                request.we_started(),
            );
            let flow =
                flows::Flow { request: request.clone(), sas: None, qr: None, state: state.clone() };
            map.insert(id, flow);
            state
        };
        flows.tell(state.clone());
        tokio::spawn(follow::follow(self.clone(), request));
        state
    }
}

/// The QR payload drawn with text blocks, two rows per line, for a terminal; `None` if the
/// payload is too large for a QR code.
pub fn qr_text(bytes: &[u8]) -> Option<String> {
    use matrix_sdk_crypto::matrix_sdk_qrcode::qrcode::{QrCode, render::unicode::Dense1x2};
    let code = QrCode::new(bytes).ok()?;
    // Dark modules on a light background, with the quiet zone scanners need.
    Some(code.render::<Dense1x2>().dark_color(Dense1x2::Light).light_color(Dense1x2::Dark).build())
}

/// The QR payload as a PNG picture (black on white, with the quiet zone scanners need), for
/// `qr show --out code.png` and for saving from the desktop app; `None` if the payload is too
/// large for a QR code.
pub fn qr_png(bytes: &[u8]) -> Option<Vec<u8>> {
    use matrix_sdk_crypto::matrix_sdk_qrcode::qrcode::{Color, QrCode};
    const SCALE: usize = 8;
    const QUIET: usize = 4;
    let code = QrCode::new(bytes).ok()?;
    let modules = code.width();
    let colours = code.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let mut pixels = vec![255u8; side * side];
    for (index, colour) in colours.iter().enumerate() {
        if *colour != Color::Dark {
            continue;
        }
        let (x, y) = ((index % modules + QUIET) * SCALE, (index / modules + QUIET) * SCALE);
        for row in y..y + SCALE {
            pixels[row * side + x..row * side + x + SCALE].fill(0);
        }
    }
    let mut out = Vec::new();
    let side = u32::try_from(side).ok()?;
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels).ok()?;
    writer.finish().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_code_drawn_as_a_picture_reads_back_as_the_same_payload() {
        // A payload shaped like a real one: prefix, version, mode, flow id, two keys, secret.
        let mut payload = b"MATRIX\x02\x00\x00\x0d$flow:example".to_vec();
        payload.extend((0u8..=95).map(|i| i.wrapping_mul(37)));
        let picture = super::qr_png(&payload).expect("the code fits");
        assert_eq!(crate::model::qr::read_code(&picture), Ok(payload.clone()));

        // A JPEG of it (a photo, a screenshot tool's default), and its pixels as a clipboard
        // holds them, read the same.
        let decoded = image::load_from_memory(&picture).expect("a PNG");
        let mut jpeg = Vec::new();
        let cursor = &mut std::io::Cursor::new(&mut jpeg);
        decoded.to_rgb8().write_to(cursor, image::ImageFormat::Jpeg).expect("a JPEG");
        assert_eq!(crate::model::qr::read_code(&jpeg), Ok(payload.clone()));
        let rgba = decoded.to_rgba8();
        let read = crate::model::qr::read_pixels(rgba.width(), rgba.height(), rgba.as_raw());
        assert_eq!(read, Ok(payload));
    }
}
