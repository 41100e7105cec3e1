package org.sanjeh.ingestion.channels;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Channel webhooks and the customer directory ({@code sanjeh.channels.*}). Secrets come from the
 * environment ({@code SANJEH_CHANNELS_WHATSAPP_APPSECRET}, …), never from the code; a channel whose
 * secret is not set refuses every call to its webhook.
 *
 * @param defaultRegion the region for phone numbers written without a country code
 * @param joinWindow how long after its last activity a customer's open ticket is joined
 * @param whatsappAppSecret the app secret that signs WhatsApp webhooks
 * @param whatsappVerifyToken the token WhatsApp echoes when the webhook is registered
 * @param telegramSecretToken the secret_token given to Telegram's setWebhook
 * @param maxBodyBytes largest webhook or form body accepted, counted while it streams (413 above)
 * @param trustWebForm whether the e-mail and phone in a web-form submission are the customer's own,
 *     proven (say so when the portal only posts for signed-in customers with checked addresses);
 *     when false they are kept as claims, never linked or sent to
 * @param trustInPerson the same for a visit logged by staff, who saw the customer
 * @param identityCacheSize how many identity links the resolver remembers (the rest are looked up)
 * @param routerMemory how many customers, threads and messages the ticket router remembers (the
 *     rest are looked up in the warehouse)
 */
@Validated
@ConfigurationProperties("sanjeh.channels")
public record ChannelProperties(
    @DefaultValue("IR") String defaultRegion,
    @DefaultValue("24h") Duration joinWindow,
    String whatsappAppSecret,
    String whatsappVerifyToken,
    String telegramSecretToken,
    @DefaultValue("1048576") @Positive int maxBodyBytes,
    @DefaultValue("false") boolean trustWebForm,
    @DefaultValue("true") boolean trustInPerson,
    @DefaultValue("100000") @Positive int identityCacheSize,
    @DefaultValue("100000") @Positive int routerMemory) {}
