/**
 * The dev inbox: the emails the embedded SMTP server captured and the webhooks the
 * built-in receiver got, with whether each signature verified.
 */
package org.herald.app.devinbox;
