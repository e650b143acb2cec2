/**
 * Plans true for their use-case (session 17, trial17c; findings in /work/notes/TRIAL17C.md): each use-case an expert
 * reviewed is planned from its flags, and its plan and code are checked for the statement that was false or missing,
 * beside an unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // C1. Checking a cart out consumes it: a caller with no Cart has nothing to check out, so none is created for it and
  // no race of two first adds is planned ...
  "Check out cart": {
    flags: ["--summary", "A signed-in customer checks out their shopping cart: the stock is reserved, the payment is taken through the payment provider, and an order is created", "--route", "/api/me/cart/checkout", "--resource", "Cart", "--capability", "external-call", "--value-object", "PaymentMethodId:string(1..100)", "--response", "orderId,status,total", "--event", "OrderPlaced:orderId,total", "--error", "CartEmpty:422:the cart has no items", "--error", "OutOfStock:409:an item of the cart is no longer in stock"],
    must: ["repository.findForCaller(callerId)  // null -> 404: the caller has none", "| access-self-one |"],
    mustNot: ["A caller who has no Cart yet gets one", "created with its first item", "each find no Cart and each create one", "| access-self-one-created |"],
  },
  // ... while the first add to a cart still creates it, one per account.
  "Add item to cart": {
    flags: ["--summary", "A signed-in customer adds a product to their shopping cart", "--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)", "--response", "cartId,productId,quantity"],
    must: ["A caller who has no Cart yet gets one, created by this request with its first item", "| access-self-one-created |"],
    mustNot: ["404 when the caller has none"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial17c)");
