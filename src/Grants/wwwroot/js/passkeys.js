// Passkeys (WebAuthn) on Mitt konto and the login page. A form with data-passkey="create" or "get" first asks its page
// for the options (data-options-url), lets the browser make or use the passkey, puts the credential's JSON in the
// form's "Credential" field and submits the form; the server checks everything. A file, not inline script: the CSP
// allows scripts from this site only.
(() => {
  'use strict';
  const supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const status = document.getElementById(form.dataset.passkeyStatus);
    const credential = form.querySelector('input[name="Credential"]');
    const say = text => { if (status) status.textContent = text; };
    if (!supported) {
      say('Den här webbläsaren kan inte använda nycklar (passkeys). Använd en nyare webbläsare, eller logga in på annat sätt.');
      for (const button of form.querySelectorAll('button')) button.disabled = true;
      continue;
    }
    form.addEventListener('submit', async event => {
      const name = form.querySelector('input[name="PasskeyName"]');
      // Without a name the server answers with the Swedish error; no ceremony first.
      if (credential.value || (name && !name.value.trim())) return;
      event.preventDefault();
      say('Följ webbläsarens anvisningar för nyckeln …');
      try {
        const response = await fetch(form.dataset.optionsUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!response.ok) {
          say('Det gick inte att börja. Ladda om sidan och försök igen.');
          return;
        }
        const options = await response.json();
        const made = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        if (!made) {
          say('Ingen nyckel valdes. Försök igen.');
          return;
        }
        credential.value = JSON.stringify(made.toJSON());
        say('');
        form.submit();
      } catch (error) {
        // NotAllowedError: the person cancelled or the time ran out; InvalidStateError: the key is already added.
        say(error && error.name === 'InvalidStateError'
          ? 'Den här nyckeln finns redan på ditt konto.'
          : 'Nyckeln användes inte (avbrutet eller för lång tid). Försök igen.');
      }
    });
  }
})();
