/**
 * Where Entra sends the answer of a Microsoft 365 sign-in that the browser ran itself (Excel on the
 * web): MSAL's redirect bridge hands it to the pane that asked, then the window closes.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Không hoàn tất được đăng nhập; hãy đóng cửa sổ này và thử lại. Sign-in could not be completed; close this window and try again.';
});
