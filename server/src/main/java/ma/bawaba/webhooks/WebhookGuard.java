package ma.bawaba.webhooks;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.webhooks.AddressGuard;

/** The one address guard of registrations and deliveries: loopback over plain http in demo mode only, unless configured. */
class WebhookGuard {

    @Produces
    @Singleton
    AddressGuard guard(BawabaConfig config) {
        return new AddressGuard(config.webhooks().loopbackAllowed().orElse(config.demo().enabled()));
    }
}
