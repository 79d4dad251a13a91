/** The message the sign-in page (signin.html) sends the pane that opened it. */
export const SIGN_IN_MESSAGE = 'chitieu.sign-in';
