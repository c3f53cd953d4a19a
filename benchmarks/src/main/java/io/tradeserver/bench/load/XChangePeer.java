package io.tradeserver.bench.load;

import java.math.BigDecimal;
import java.net.URI;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.service.trade.TradeService;

/**
 * XChange 5.2.2 ({@code xchange-binance}) placing the same limit orders against the same mock:
 * {@code TradeService.placeLimitOrder}, blocking, one thread per in-flight order. Its own
 * configuration is left at XChange's defaults (rate limiter and retries as shipped), with the base
 * URL pointed at the mock.
 */
final class XChangePeer implements LoadClient {
  private static final CurrencyPair BTC_USDT = new CurrencyPair("BTC", "USDT");
  private static final BigDecimal PRICE = new BigDecimal("64000.00");
  private static final BigDecimal QTY = new BigDecimal("0.00100");
  private final String baseUrl;
  private TradeService trade;

  XChangePeer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String name() {
    return "xchange";
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public void start() {
    URI u = URI.create(baseUrl);
    ExchangeSpecification spec = new ExchangeSpecification(BinanceExchange.class);
    spec.setSslUri(baseUrl);
    spec.setHost(u.getHost());
    spec.setPort(u.getPort());
    spec.setApiKey(BinanceVenue.CREDENTIALS.apiKey());
    spec.setSecretKey(BinanceVenue.CREDENTIALS.secret().reveal());
    Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
    trade = exchange.getTradeService();
  }

  @Override
  public void place(long seq, int slot, Completion done) {
    LimitOrder o =
        new LimitOrder.Builder(
                LoadOrders.side(seq) == io.tradeserver.model.Side.BUY
                    ? Order.OrderType.BID
                    : Order.OrderType.ASK,
                BTC_USDT)
            .originalAmount(QTY)
            .limitPrice(PRICE)
            .userReference(Ids.clientOrderId(seq))
            .build();
    try {
      String id = trade.placeLimitOrder(o);
      done.done(seq, id == null || id.isEmpty() ? "no order id" : null);
    } catch (Exception e) {
      done.done(seq, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {}
}
